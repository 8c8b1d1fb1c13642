"""train_sgd forms each epoch's predictions in the memory of xs (xs *= w, then xs /= w to put it back): dividing back
does not restore every value bit for bit, so the caller's float64 inputs change."""

MUTATIONS = [
    (
        '    w, losses = float(w0), []\n'
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
        '    w, losses = float(w0), []\n'
        '    xs = np.asarray(xs, dtype=float)  # xs itself when it is float64\n'
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        xs *= w\n'
        '        losses.append(np.mean((xs - ys) ** 2))\n'
        '        xs /= w\n',
    ),
]
