"""svm_grad_single builds dW with np.asarray(W, dtype=np.float64), which is W itself for a float64 W, and fills it:
the caller's weights are overwritten by the gradient."""

MUTATIONS = [
    (
        '    counts[y] = -np.sum(counts)\n'
        '    return np.outer(counts, x)\n',
        '    counts[y] = -np.sum(counts)\n'
        '    dW = np.asarray(W, dtype=np.float64)  # a float64 copy, or so it seems\n'
        '    dW[...] = np.outer(counts, x)\n'
        '    return dW\n',
    ),
]
