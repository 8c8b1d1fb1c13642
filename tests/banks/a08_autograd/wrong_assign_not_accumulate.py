"""Wrong: every _backward assigns (=) instead of accumulating (+=): a variable used twice keeps only its last contribution.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        def _backward():\n'
        '            self.grad += out.grad\n'
        '            other.grad += out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad = out.grad\n'
        '            other.grad = out.grad\n'
        '\n',
    ),
    (
        '        def _backward():\n'
        '            self.grad += other.data * out.grad\n'
        '            other.grad += self.data * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad = other.data * out.grad\n'
        '            other.grad = self.data * out.grad\n'
        '\n',
    ),
    (
        '        def _backward():\n'
        '            self.grad += other * self.data ** (other - 1) * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad = other * self.data ** (other - 1) * out.grad\n'
        '\n',
    ),
    (
        '        def _backward():\n'
        '            self.grad += out.data * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad = out.data * out.grad\n'
        '\n',
    ),
    (
        '        def _backward():\n'
        '            self.grad += (1 - t**2) * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad = (1 - t**2) * out.grad\n'
        '\n',
    ),
    (
        '        def _backward():\n'
        '            self.grad += s * (1 - s) * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad = s * (1 - s) * out.grad\n'
        '\n',
    ),
]
