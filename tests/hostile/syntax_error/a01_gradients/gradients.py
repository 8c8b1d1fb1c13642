"""Hostile submission: A syntax error on line 8."""

import numpy as np


def fun_z(x, y):
    return np.sin(x**2 + y**2)


def fun_dz(x, y)
    return 2 * x, 2 * y
