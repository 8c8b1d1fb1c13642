"""Wrong: __truediv__ has its own _backward with d(a/b)/db = a / b**2 (sign lost).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        """\n'
        '        return self * other**-1\n'
        '\n',
        '        """\n'
        '        other = other if isinstance(other, Value) else Value(other)\n'
        '        out = Value(self.data / other.data, (self, other), "/")\n'
        '\n'
        '        def _backward():\n'
        '            self.grad += out.grad / other.data\n'
        '            other.grad += self.data / other.data**2 * out.grad\n'
        '\n'
        '        out._backward = _backward\n'
        '        return out\n'
        '\n',
    ),
]
