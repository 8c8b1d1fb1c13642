"""A minus sign: the derivative of sin taken as -cos."""

import numpy as np


def fun_z(x, y):
    return np.sin(x**2 + y**2)


def fun_dz(x, y):
    u = x**2 + y**2
    return -2 * x * np.cos(u), -2 * y * np.cos(u)
