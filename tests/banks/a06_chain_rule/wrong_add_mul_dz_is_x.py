"""Uses x instead of q = x + y as df/dz."""

import numpy as np


def add_mul(x, y, z):
    q = x + y
    f = q * z
    return f, (z, z, x)


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return float(s) if s.ndim == 0 else s


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
