"""train_gd records the cost after each update instead of before it."""

MUTATIONS = [
    (
        '        costs.append(cost(w, xs, ys))\n'
        '        w = w - lr * gradient(w, xs, ys)\n',
        '        w = w - lr * gradient(w, xs, ys)\n'
        '        costs.append(cost(w, xs, ys))\n',
    ),
]
