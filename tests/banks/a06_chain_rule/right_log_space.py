"""Correct: the sigmoid in log space with logaddexp, the bias split off, an explicit upstream gradient."""

import numpy as np


def add_mul(x, y, z):
    q = x + y
    f = q * z
    df = 1.0  # upstream gradient of the output
    dq = df * z
    return f, (dq * 1, dq * 1, df * q)


def sigmoid(z):
    # log sigma(z) = -log(1 + exp(-z)) = -logaddexp(0, -z), which never overflows
    return np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))


def sigmoid_grad(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z) - np.logaddexp(0.0, z))  # sigma(z) * sigma(-z)


def sigmoid_neuron(w, x):
    w = np.asarray(w, dtype=float)
    h = w[:-1] @ x + w[-1]
    f = sigmoid(h)
    dh = sigmoid_grad(h)
    return f, np.append(dh * np.asarray(x, dtype=float), dh), dh * w[:-1]


def delta_rule_step(w, x, y, lr):
    h = np.sum(np.multiply(w, x))
    dloss_dyhat = sigmoid(h) - y
    return -lr * dloss_dyhat * sigmoid_grad(h) * np.asarray(x, dtype=float)
