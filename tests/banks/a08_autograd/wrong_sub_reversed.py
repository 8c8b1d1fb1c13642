"""Wrong: __sub__ computes other - self, so x - y gives y - x.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        return self + (-other)\n',
        '        return -self + other\n',
    ),
]
