"""gradient multiplies the residuals into the memory of xs (np.asarray(xs, dtype=float) is xs itself for float64
data, then xs *= r), changing the caller's inputs.

train_gd passes gradient copies of the data, so only gradient's own promise breaks."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * (forward(w, xs) - ys) * xs))\n',
        '    r = forward(w, xs) - ys\n'
        '    xs = np.asarray(xs, dtype=float)\n'
        '    xs *= r\n'
        '    return float(np.mean(2 * xs))\n',
    ),
    (
        '        costs.append(cost(w, xs, ys))\n'
        '        w = w - lr * gradient(w, xs, ys)\n',
        '        costs.append(cost(w, xs.copy(), ys.copy()))\n'
        '        w = w - lr * gradient(w, xs.copy(), ys.copy())\n',
    ),
]
