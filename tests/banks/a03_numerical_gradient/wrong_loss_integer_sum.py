"""svm_loss_single returns the numpy sum itself: a numpy integer, not a float, for integer inputs."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    margins[y] = 0\n'
        '    return float(np.sum(margins))\n',
        '    margins[y] = 0\n'
        '    return np.sum(margins)\n',
    ),
]
