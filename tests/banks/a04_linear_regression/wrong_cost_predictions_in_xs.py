"""cost forms the predictions in the memory of xs (np.asarray(xs, dtype=float) is xs itself for float64 data, then
xs *= w), changing the caller's inputs.

train_gd passes cost copies of the data, so only cost's own promise breaks."""

MUTATIONS = [
    (
        '    return float(np.mean((forward(w, xs) - ys) ** 2))\n',
        '    xs = np.asarray(xs, dtype=float)\n'
        '    xs *= w\n'
        '    return float(np.mean((xs - ys) ** 2))\n',
    ),
    (
        '        costs.append(cost(w, xs, ys))\n'
        '        w = w - lr * gradient(w, xs, ys)\n',
        '        costs.append(cost(w, xs.copy(), ys.copy()))\n'
        '        w = w - lr * gradient(w, xs.copy(), ys.copy())\n',
    ),
]
