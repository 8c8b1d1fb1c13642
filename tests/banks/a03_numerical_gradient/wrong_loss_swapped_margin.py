"""svm_loss_single uses the margin s_y - s_j + delta instead of s_j - s_y + delta."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    scores = W @ x\n'
        '    margins = np.maximum(0, scores - scores[y] + delta)\n'
        '    margins[y] = 0\n',
        '    scores = W @ x\n'
        '    margins = np.maximum(0, scores[y] - scores + delta)\n'
        '    margins[y] = 0\n',
    ),
]
