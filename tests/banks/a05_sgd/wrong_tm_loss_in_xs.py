"""train_minibatch forms each epoch's predictions in the memory of xs (xs *= w, then xs /= w to put it back):
dividing back does not restore every value bit for bit, so the caller's float64 inputs change."""

MUTATIONS = [
    (
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        xs = np.asarray(xs, dtype=float)  # xs itself when it is float64\n'
        '        xs *= w\n'
        '        losses.append(np.mean((xs - ys) ** 2))\n'
        '        xs /= w\n',
    ),
]
