"""train_minibatch makes ys a column by setting its shape in place (ys.shape = (-1, 1)) and reads the targets back
as ys[:, 0]: the caller's targets change shape; w and the losses are right."""

MUTATIONS = [
    (
        '    rng, w, losses = np.random.default_rng(seed), float(w0), []\n'
        '    for _ in range(epochs):\n'
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
        '    ys.shape = (-1, 1)  # the targets as a column, as in the notes\n'
        '    targets = ys[:, 0]\n'
        '    rng, w, losses = np.random.default_rng(seed), float(w0), []\n'
        '    for _ in range(epochs):\n'
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n'
        '            w -= lr * 2 * np.mean((w * xs[b] - targets[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs - targets) ** 2))\n',
    ),
]
