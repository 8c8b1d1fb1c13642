"""Correct: dot products over float copies; the gradient written as twice the half-MSE gradient."""

import numpy as np


def forward(w, x):
    return x * float(w)


def cost(w, xs, ys):
    r = forward(w, np.asarray(xs, dtype=float)) - ys
    return np.dot(r, r) / r.size


def gradient(w, xs, ys):
    xs = np.asarray(xs, dtype=float)
    half = np.dot(forward(w, xs) - ys, xs) / xs.size   # gradient of (1/2) mean(r^2)
    return 2.0 * half


def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=100):
    w = float(w0)
    costs = []
    while len(costs) < epochs:
        c, g = cost(w, xs, ys), gradient(w, xs, ys)
        costs.append(c)
        w -= lr * g
    return w, np.asarray(costs, dtype=np.float64).reshape(epochs)


def gradient_wb(w, b, xs, ys):
    X = np.stack([np.asarray(xs, dtype=float), np.ones(len(xs))])   # rows: x and 1
    r = X.T @ np.array([w, b], dtype=float) - ys
    dw, db = 2.0 * (X @ r) / len(xs)
    return (dw, db)
