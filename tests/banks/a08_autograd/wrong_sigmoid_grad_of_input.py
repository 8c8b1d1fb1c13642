"""Wrong: sigmoid's local derivative is x * (1 - x) with the input x instead of s * (1 - s).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        def _backward():\n'
        '            self.grad += s * (1 - s) * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad += self.data * (1 - self.data) * out.grad\n'
        '\n',
    ),
]
