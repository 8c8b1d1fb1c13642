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
