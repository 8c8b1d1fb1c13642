"""Correct: math for Python floats, numpy for arrays."""

import math

import numpy as np


def fun_z(x, y):
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        return math.sin(x * x + y * y)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return np.sin(x * x + y * y)


def fun_dz(x, y):
    if isinstance(x, (int, float)) and isinstance(y, (int, float)):
        c = math.cos(x * x + y * y)
        return 2.0 * x * c, 2.0 * y * c
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    c = np.cos(x * x + y * y)
    return 2.0 * x * c, 2.0 * y * c


def gradient_field(xs=None, ys=None):
    steps = [-2.5 + 0.5 * k for k in range(11)]
    xs = steps if xs is None else [float(v) for v in xs]
    ys = steps if ys is None else [float(v) for v in ys]
    X = np.array([[x for x in xs] for _ in ys])
    Y = np.array([[y for _ in xs] for y in ys])
    U, V = np.empty_like(X), np.empty_like(X)
    for i in range(len(ys)):
        for j in range(len(xs)):
            U[i, j], V[i, j] = fun_dz(X[i, j].item(), Y[i, j].item())
    return X, Y, U, V
