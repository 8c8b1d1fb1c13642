"""train_minibatch shuffles xs and ys in place every epoch and then cuts them in order (and so modifies them)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n',
        '        p = np.concatenate(minibatch_indices(len(xs), batch_size, rng))\n'
        '        xs[:], ys[:] = xs[p], ys[p]\n'
        '        for k in range(0, len(xs), batch_size):\n'
        '            b = slice(k, k + batch_size)\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n',
    ),
]
