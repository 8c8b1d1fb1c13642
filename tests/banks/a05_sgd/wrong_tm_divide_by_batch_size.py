"""train_minibatch divides the batch gradient by batch_size, under-weighting the short last batch."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            w -= lr * 2 * np.sum((w * xs[b] - ys[b]) * xs[b]) / batch_size\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
    ),
]
