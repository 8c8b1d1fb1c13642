"""train_gd steps uphill: w + lr * gradient."""

MUTATIONS = [
    ('        w = w - lr * gradient(w, xs, ys)\n', '        w = w + lr * gradient(w, xs, ys)\n'),
]
