"""Wrong: forward leaves the output layer linear (no sigmoid on z2).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    a1 = sigmoid(X @ params["W1"].T + params["b1"])\n'
        '    out = sigmoid(a1 @ params["W2"].T + params["b2"])\n'
        '    return out, (X, a1, out)\n',
        '    a1 = sigmoid(X @ params["W1"].T + params["b1"])\n'
        '    out = a1 @ params["W2"].T + params["b2"]\n'
        '    return out, (X, a1, out)\n',
    ),
]
