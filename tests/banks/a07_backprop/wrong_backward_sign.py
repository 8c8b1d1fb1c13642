"""Wrong: backward uses (y - a) instead of (a - y): every gradient has the wrong sign.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    N = X.shape[0]\n'
        '    delta2 = (out - Y) * out * (1 - out) / N             # dC/dz2, shape (N, K)\n'
        '    delta1 = (delta2 @ params["W2"]) * a1 * (1 - a1)     # dC/dz1, shape (N, H)\n',
        '    N = X.shape[0]\n'
        '    delta2 = (Y - out) * out * (1 - out) / N\n'
        '    delta1 = (delta2 @ params["W2"]) * a1 * (1 - a1)     # dC/dz1, shape (N, H)\n',
    ),
]
