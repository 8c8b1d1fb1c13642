"""Uses math.sin/math.cos, so arrays raise TypeError."""

import math

import numpy as np


def fun_z(x, y):
    return math.sin(x**2 + y**2)


def fun_dz(x, y):
    u = x**2 + y**2
    return 2 * x * math.cos(u), 2 * y * math.cos(u)
