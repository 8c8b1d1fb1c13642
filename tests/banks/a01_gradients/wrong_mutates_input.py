"""Squares x and y in place to save memory, changing the caller's arrays."""

import numpy as np


def fun_z(x, y):
    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray) and x.dtype.kind == "f" and y.dtype.kind == "f":
        np.square(x, out=x)
        np.square(y, out=y)
        return np.sin(x + y)
    return np.sin(x**2 + y**2)


def fun_dz(x, y):
    u = x**2 + y**2
    return 2 * x * np.cos(u), 2 * y * np.cos(u)
