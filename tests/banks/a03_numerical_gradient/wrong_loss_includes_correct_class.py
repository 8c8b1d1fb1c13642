"""svm_loss_single also counts the correct class, adding delta to the loss."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    margins = np.maximum(0, scores - scores[y] + delta)\n'
        '    margins[y] = 0\n'
        '    return float(np.sum(margins))\n',
        '    margins = np.maximum(0, scores - scores[y] + delta)\n'
        '    return float(np.sum(margins))\n',
    ),
]
