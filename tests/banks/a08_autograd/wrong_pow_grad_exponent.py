"""Wrong: pow's local derivative is n * x**n instead of n * x**(n - 1).

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
        '            self.grad += other * self.data**other * out.grad\n'
        '\n',
    ),
]
