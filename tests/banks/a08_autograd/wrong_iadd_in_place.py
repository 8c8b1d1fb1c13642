"""Wrong: defines __iadd__ that changes self.data in place, so c += 1 modifies the node c instead of making a new one.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '\n'
        '    def __rsub__(self, other):\n',
        '\n'
        '    def __iadd__(self, other):\n'
        '        """In-place sum (wrong: modifies an existing node of the graph)."""\n'
        '        other = other if isinstance(other, Value) else Value(other)\n'
        '        self.data += other.data\n'
        '        self._prev = self._prev | {other}\n'
        '        previous = self._backward\n'
        '\n'
        '        def _backward():\n'
        '            previous()\n'
        '            other.grad += self.grad\n'
        '\n'
        '        self._backward = _backward\n'
        '        return self\n'
        '\n'
        '    def __rsub__(self, other):\n',
    ),
]
