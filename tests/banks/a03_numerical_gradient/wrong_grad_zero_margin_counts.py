"""svm_grad_single counts a margin of exactly 0 as positive (>= 0 instead of > 0)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    scores = W @ x\n'
        '    counts = (scores - scores[y] + delta > 0).astype(np.float64)\n'
        '    counts[y] = 0\n',
        '    scores = W @ x\n'
        '    counts = (scores - scores[y] + delta >= 0).astype(np.float64)\n'
        '    counts[y] = 0\n',
    ),
]
