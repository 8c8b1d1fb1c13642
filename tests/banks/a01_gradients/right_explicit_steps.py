"""Correct: the chain rule written out step by step with numpy ufuncs."""

import numpy as np


def fun_z(x, y):
    u = np.add(np.square(x), np.square(y))
    return np.sin(u)


def fun_dz(x, y):
    u = np.add(np.square(x), np.square(y))
    outer = np.cos(u)             # dz/du
    du_dx = np.multiply(2.0, x)   # du/dx
    du_dy = np.multiply(2.0, y)   # du/dy
    return outer * du_dx, outer * du_dy


def gradient_field(xs=None, ys=None):
    xs = np.linspace(-2.5, 2.5, 11) if xs is None else np.array(xs, dtype=np.float64)
    ys = np.linspace(-2.5, 2.5, 11) if ys is None else np.array(ys, dtype=np.float64)
    X = np.tile(xs, (len(ys), 1))            # each row is xs
    Y = np.tile(ys[:, None], (1, len(xs)))   # each column is ys
    U, V = fun_dz(X, Y)
    return X, Y, U, V
