"""Wrong: backward returns the gradient of the summed cost, not of the mean cost the docstring promises.

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
        '    delta2 = (out - Y) * out * (1 - out)\n'
        '    delta1 = (delta2 @ params["W2"]) * a1 * (1 - a1)     # dC/dz1, shape (N, H)\n',
    ),
]
