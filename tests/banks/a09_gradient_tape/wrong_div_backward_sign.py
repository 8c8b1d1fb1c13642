"""Wrong: the backward function of / forgets the minus sign of d(a/b)/db.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g / other, -g * self / (other * other)))',
        'lambda g: (g / other, g * self / (other * other)))',
    ),
]
