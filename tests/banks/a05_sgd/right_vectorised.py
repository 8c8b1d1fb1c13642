"""Correct: index loops, preallocated loss arrays, rng.shuffle of an arange and np.split at the batch boundaries."""

import numpy as np


def _mse(w, xs, ys):
    r = w * np.asarray(xs, dtype=float) - np.asarray(ys, dtype=float)
    return r @ r / len(r)


def train_sgd(xs, ys, w0=1.0, lr=0.01, epochs=100):
    x = np.array(xs, dtype=np.float64)
    y = np.array(ys, dtype=np.float64)
    w = float(w0)
    losses = np.empty(epochs)
    for e in range(epochs):
        for i in range(len(x)):
            error = w * x[i] - y[i]
            w = w - lr * (2.0 * error * x[i])
        losses[e] = _mse(w, x, y)
    return w, losses


def minibatch_indices(n, batch_size, rng):
    order = np.arange(n)
    rng.shuffle(order)
    return list(np.split(order, np.arange(batch_size, n, batch_size)))


def train_minibatch(xs, ys, w0=1.0, lr=0.01, epochs=100, batch_size=2, seed=0):
    x = np.array(xs, dtype=np.float64)
    y = np.array(ys, dtype=np.float64)
    generator = np.random.default_rng(seed)
    w = float(w0)
    losses = np.zeros(epochs)
    for e in range(epochs):
        for batch in minibatch_indices(len(x), batch_size, generator):
            xb, yb = x[batch], y[batch]
            grad = 2.0 * np.dot(w * xb - yb, xb) / len(batch)
            w = w - lr * grad
        losses[e] = _mse(w, x, y)
    return w, losses
