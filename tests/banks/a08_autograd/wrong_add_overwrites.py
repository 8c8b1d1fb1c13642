"""Wrong: __add__'s _backward assigns (=) instead of accumulating (+=); the other operations are right.

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
]
