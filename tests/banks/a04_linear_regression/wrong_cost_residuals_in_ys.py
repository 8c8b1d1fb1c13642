"""cost forms the residuals in the memory of ys (np.asarray(ys, dtype=float) is ys itself for float64 data, then
ys -= w * xs), changing the caller's targets.

train_gd passes cost copies of the data, so only cost's own promise breaks."""

MUTATIONS = [
    (
        '    return float(np.mean((forward(w, xs) - ys) ** 2))\n',
        '    ys = np.asarray(ys, dtype=float)\n'
        '    ys -= forward(w, xs)\n'
        '    return float(np.mean(ys ** 2))\n',
    ),
    (
        '        costs.append(cost(w, xs, ys))\n'
        '        w = w - lr * gradient(w, xs, ys)\n',
        '        costs.append(cost(w, xs.copy(), ys.copy()))\n'
        '        w = w - lr * gradient(w, xs.copy(), ys.copy())\n',
    ),
]
