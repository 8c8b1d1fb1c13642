"""Correct: a clipped exponent, 0-d arrays for numbers, the neuron written with a concatenated input."""

import numpy as np


def add_mul(x, y, z):
    q = np.add(x, y)
    return np.multiply(q, z), (np.multiply(z, 1.0), np.multiply(z, 1.0), q)


def sigmoid(z):
    # exp of at most 500 cannot overflow; beyond |z| = 500 sigma is 0 or 1 to double precision
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -500, 500))))


def sigmoid_grad(z):
    s = sigmoid(z)
    return s - s * s


def sigmoid_neuron(w, x):
    xb = np.concatenate([np.asarray(x, dtype=float), [1.0]])
    f = sigmoid(np.dot(w, xb))
    upstream = sigmoid_grad(np.dot(w, xb))
    return f, upstream * xb, upstream * np.asarray(w[: len(x)], dtype=float)


def delta_rule_step(w, x, y, lr):
    h = np.dot(w, x)
    error = y - sigmoid(h)
    return np.asarray(x, dtype=float) * (lr * error * sigmoid_grad(h))
