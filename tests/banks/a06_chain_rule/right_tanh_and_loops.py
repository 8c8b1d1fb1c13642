"""Correct: sigmoid through tanh, sigma'(z) as sigma(z) sigma(-z), explicit loops in the neuron."""

import numpy as np


def add_mul(x, y, z):
    f = x * z + y * z  # distributed: same value, other rounding
    return f, (1 * z, 1 * z, x + y)


def sigmoid(z):
    # sigma(z) = (1 + tanh(z / 2)) / 2; tanh never overflows
    return 0.5 * (1.0 + np.tanh(np.asarray(z) / 2.0))


def sigmoid_grad(z):
    return sigmoid(z) * sigmoid(-np.asarray(z))


def sigmoid_neuron(w, x):
    d = len(x)
    dot = float(w[d])
    for i in range(d):
        dot += float(w[i]) * float(x[i])
    f = float(sigmoid(dot))
    local = f * (1.0 - f)
    dw = np.empty(d + 1)
    dx = np.empty(d)
    for i in range(d):
        dw[i] = local * x[i]
        dx[i] = local * w[i]
    dw[d] = local
    return f, dw, dx


def delta_rule_step(w, x, y, lr):
    yhat = sigmoid(np.dot(w, x))
    delta = (y - yhat) * yhat * (1.0 - yhat)
    return lr * delta * np.asarray(x, dtype=float)
