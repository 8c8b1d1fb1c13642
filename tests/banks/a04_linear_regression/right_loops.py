"""Correct: explicit loops over the samples with running sums, costs filled into a preallocated array."""

import numpy as np


def forward(w, x):
    return np.multiply(w, x)


def cost(w, xs, ys):
    total = 0.0
    for x, y in zip(xs, ys):
        total += (w * x - y) ** 2
    return total / len(xs)


def gradient(w, xs, ys):
    total = 0.0
    for x, y in zip(xs, ys):
        total += 2.0 * (w * x - y) * x
    return total / len(xs)


def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=100):
    costs = np.zeros(epochs)
    w = w0
    for i in range(epochs):
        costs[i] = cost(w, xs, ys)
        step = lr * gradient(w, xs, ys)
        w -= step
    return w, costs


def gradient_wb(w, b, xs, ys):
    dw = db = 0.0
    for x, y in zip(xs, ys):
        r = w * x + b - y
        dw += 2.0 * r * x
        db += 2.0 * r
    n = len(xs)
    return dw / n, db / n
