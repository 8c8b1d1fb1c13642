"""svm_loss_single subtracts the correct class's row from W in place (W -= W[y]) to get s_j - s_y."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    scores = W @ x\n'
        '    margins = np.maximum(0, scores - scores[y] + delta)\n',
        '    W -= W[y]\n'
        '    scores = W @ x\n'
        '    margins = np.maximum(0, scores + delta)\n',
    ),
]
