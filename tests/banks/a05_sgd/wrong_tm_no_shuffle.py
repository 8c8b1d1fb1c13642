"""train_minibatch never shuffles: it takes the batches in data order every epoch."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    for _ in range(epochs):\n'
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n',
        '    for _ in range(epochs):\n'
        '        for i in range(0, len(xs), batch_size):\n'
        '            b = np.arange(i, min(i + batch_size, len(xs)))\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n',
    ),
]
