"""svm_grad_single makes x a row by setting its shape in place (x.shape = (1, -1)) to broadcast the outer product:
the caller's x changes shape; dW is right."""

MUTATIONS = [
    (
        '    counts[y] = -np.sum(counts)\n'
        '    return np.outer(counts, x)\n',
        '    counts[y] = -np.sum(counts)\n'
        '    x.shape = (1, -1)  # a row: counts[:, None] * x is the outer product\n'
        '    return counts[:, None] * x\n',
    ),
]
