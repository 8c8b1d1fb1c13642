"""gradient has the wrong sign: it uses the residual y - w x."""

import numpy as np


def forward(w, x):
    return w * x


def cost(w, xs, ys):
    return float(np.mean((forward(w, xs) - ys) ** 2))


def gradient(w, xs, ys):
    return float(np.mean(2 * (ys - forward(w, xs)) * xs))


def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=100):
    w, costs = w0, []
    for _ in range(epochs):
        costs.append(cost(w, xs, ys))
        w = w - lr * gradient(w, xs, ys)
    return float(w), np.array(costs, dtype=float)


def gradient_wb(w, b, xs, ys):
    r = w * xs + b - ys
    return float(np.mean(2 * r * xs)), float(np.mean(2 * r))
