"""svm_loss_single averages the margins over the classes instead of summing them."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    margins[y] = 0\n'
        '    return float(np.sum(margins))\n'
        '\n',
        '    margins[y] = 0\n'
        '    return float(np.mean(margins))\n'
        '\n',
    ),
]
