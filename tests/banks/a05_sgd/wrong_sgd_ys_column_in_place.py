"""train_sgd makes ys a column by setting its shape in place (ys.shape = (-1, 1)) and reads the targets back as
ys[:, 0]: the caller's targets change shape; w and the losses are right."""

MUTATIONS = [
    (
        '    w, losses = float(w0), []\n'
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
        '    ys.shape = (-1, 1)  # the targets as a column, as in the notes\n'
        '    targets = ys[:, 0]\n'
        '    w, losses = float(w0), []\n'
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, targets):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - targets) ** 2))\n',
    ),
]
