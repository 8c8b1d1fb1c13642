"""svm_grad_single sets dW[y] = -x instead of -(number of positive margins) x."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    counts[y] = 0\n'
        '    counts[y] = -np.sum(counts)\n'
        '    return np.outer(counts, x)\n',
        '    counts[y] = 0\n'
        '    counts[y] = -1.0\n'
        '    return np.outer(counts, x)\n',
    ),
]
