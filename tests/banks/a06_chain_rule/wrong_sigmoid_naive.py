"""Naive 1 / (1 + exp(-z)): right values, but exp overflows (with a warning) at z = -1000."""

import numpy as np


def add_mul(x, y, z):
    q = x + y
    f = q * z
    return f, (z, z, q)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_grad(z):
    s = sigmoid(z)
    return s * (1 - s)


def sigmoid_neuron(w, x):
    xb = np.append(x, 1.0)
    f = sigmoid(w @ xb)
    ddot = (1 - f) * f
    return f, ddot * xb, ddot * w[:-1]


def delta_rule_step(w, x, y, lr):
    h = w @ x
    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x
