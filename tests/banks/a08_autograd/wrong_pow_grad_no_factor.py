"""Wrong: pow's local derivative is x**(n - 1), without the factor n.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        def _backward():\n'
        '            self.grad += other * self.data ** (other - 1) * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad += self.data ** (other - 1) * out.grad\n'
        '\n',
    ),
]
