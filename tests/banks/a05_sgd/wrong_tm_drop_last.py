"""train_minibatch skips the last, partial batch of every epoch."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n',
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            if len(b) < batch_size:\n'
        '                continue\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n',
    ),
]
