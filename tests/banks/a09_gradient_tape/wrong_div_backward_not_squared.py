"""Wrong: the backward function of / divides by b, not b^2, for d(a/b)/db.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g / other, -g * self / (other * other)))',
        'lambda g: (g / other, -g * self / other))',
    ),
]
