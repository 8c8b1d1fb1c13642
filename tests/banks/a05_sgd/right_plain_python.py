"""Correct: plain Python floats and lists, converted to numpy only at the end."""

import numpy as np


def _full_mse(w, xs, ys):
    return sum((w * float(x) - float(y)) ** 2 for x, y in zip(xs, ys)) / len(xs)


def train_sgd(xs, ys, w0=1.0, lr=0.01, epochs=100):
    pairs = [(float(x), float(y)) for x, y in zip(xs, ys)]
    w = float(w0)
    history = []
    epoch = 0
    while epoch < epochs:
        for x, y in pairs:
            w -= lr * 2.0 * x * (w * x - y)
        history.append(_full_mse(w, xs, ys))
        epoch += 1
    return w, np.asarray(history, dtype=np.float64)


def minibatch_indices(n, batch_size, rng):
    perm = rng.permutation(n)
    batches = []
    start = 0
    while start < n:
        batches.append(perm[start:min(start + batch_size, n)])
        start += batch_size
    return batches


def train_minibatch(xs, ys, w0=1.0, lr=0.01, epochs=100, batch_size=2, seed=0):
    rng = np.random.default_rng(seed)
    w = float(w0)
    history = []
    for _ in range(epochs):
        for batch in minibatch_indices(len(xs), batch_size, rng):
            g = 0.0
            for i in batch:
                x, y = float(xs[i]), float(ys[i])
                g += 2.0 * (w * x - y) * x
            w -= lr * g / len(batch)
        history.append(_full_mse(w, xs, ys))
    return w, np.asarray(history, dtype=np.float64)
