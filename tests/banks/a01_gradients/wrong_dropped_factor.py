"""The factor 2 from d(x²)/dx is dropped."""

import numpy as np


def fun_z(x, y):
    return np.sin(x**2 + y**2)


def fun_dz(x, y):
    u = x**2 + y**2
    return x * np.cos(u), y * np.cos(u)
