"""svm_grad_single builds dW with np.zeros_like(W): integer W gives an integer dW."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    scores = W @ x\n'
        '    counts = (scores - scores[y] + delta > 0).astype(np.float64)\n'
        '    counts[y] = 0\n'
        '    counts[y] = -np.sum(counts)\n'
        '    return np.outer(counts, x)\n',
        '    scores = W @ x\n'
        '    dW = np.zeros_like(W)\n'
        '    for j in range(W.shape[0]):\n'
        '        if j != y and scores[j] - scores[y] + delta > 0:\n'
        '            dW[j] += x\n'
        '            dW[y] -= x\n'
        '    return dW\n',
    ),
]
