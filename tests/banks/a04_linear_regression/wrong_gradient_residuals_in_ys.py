"""gradient forms the residuals in the memory of ys (np.asarray(ys, dtype=float) is ys itself for float64 data, then
ys -= w * xs), changing the caller's targets.

train_gd passes gradient copies of the data, so only gradient's own promise breaks."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * (forward(w, xs) - ys) * xs))\n',
        '    ys = np.asarray(ys, dtype=float)\n'
        '    ys -= forward(w, xs)\n'
        '    return float(np.mean(-2 * ys * xs))\n',
    ),
    (
        '        costs.append(cost(w, xs, ys))\n'
        '        w = w - lr * gradient(w, xs, ys)\n',
        '        costs.append(cost(w, xs.copy(), ys.copy()))\n'
        '        w = w - lr * gradient(w, xs.copy(), ys.copy())\n',
    ),
]
