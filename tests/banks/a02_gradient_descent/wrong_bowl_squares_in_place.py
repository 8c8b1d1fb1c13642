"""Squares theta in place (theta *= theta) before summing, changing the caller's array."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return float(np.sum(theta ** 2))\n',
        '    theta *= theta\n'
        '    return float(np.sum(theta))\n',
    ),
]
