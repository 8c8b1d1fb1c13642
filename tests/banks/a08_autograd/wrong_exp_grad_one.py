"""Wrong: exp's local derivative is 1 instead of exp(x).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        def _backward():\n'
        '            self.grad += out.data * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad += out.grad\n'
        '\n',
    ),
]
