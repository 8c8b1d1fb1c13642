"""train_gd also records the cost after the last update: epochs + 1 costs."""

MUTATIONS = [
    (
        '        w = w - lr * gradient(w, xs, ys)\n'
        '    return float(w)',
        '        w = w - lr * gradient(w, xs, ys)\n'
        '    costs.append(cost(w, xs, ys))\n'
        '    return float(w)',
    ),
]
