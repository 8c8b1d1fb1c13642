"""Wrong: forward centres X in place (X -= X.mean(axis=0)), as an input normalisation, changing the caller's X."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    a1 = sigmoid(X @ params["W1"].T + params["b1"])\n',
        '    X -= X.mean(axis=0)\n'
        '    a1 = sigmoid(X @ params["W1"].T + params["b1"])\n',
    ),
]
