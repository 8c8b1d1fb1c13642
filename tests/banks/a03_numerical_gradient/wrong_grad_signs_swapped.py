"""svm_grad_single has the signs swapped: -x in the rows of violating classes, +count x in row y."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    counts[y] = -np.sum(counts)\n'
        '    return np.outer(counts, x)\n',
        '    counts[y] = -np.sum(counts)\n'
        '    return -np.outer(counts, x)\n',
    ),
]
