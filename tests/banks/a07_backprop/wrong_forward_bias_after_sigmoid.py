"""Wrong: forward adds the biases after the sigmoid instead of before it.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    a1 = sigmoid(X @ params["W1"].T + params["b1"])\n'
        '    out = sigmoid(a1 @ params["W2"].T + params["b2"])\n'
        '    return out, (X, a1, out)\n',
        '    """\n'
        '    a1 = sigmoid(X @ params["W1"].T) + params["b1"]\n'
        '    out = sigmoid(a1 @ params["W2"].T) + params["b2"]\n'
        '    return out, (X, a1, out)\n',
    ),
]
