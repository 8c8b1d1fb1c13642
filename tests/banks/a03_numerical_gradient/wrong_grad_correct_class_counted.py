"""svm_grad_single does not exclude the correct class, whose own margin delta counts once more in dW[y]."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    counts = (scores - scores[y] + delta > 0).astype(np.float64)\n'
        '    counts[y] = 0\n'
        '    counts[y] = -np.sum(counts)\n',
        '    counts = (scores - scores[y] + delta > 0).astype(np.float64)\n'
        '    counts[y] = -np.sum(counts)\n',
    ),
]
