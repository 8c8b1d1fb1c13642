"""svm_grad_single ignores delta and always uses a margin of 1."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    scores = W @ x\n'
        '    counts = (scores - scores[y] + delta > 0).astype(np.float64)\n'
        '    counts[y] = 0\n',
        '    scores = W @ x\n'
        '    counts = (scores - scores[y] + 1.0 > 0).astype(np.float64)\n'
        '    counts[y] = 0\n',
    ),
]
