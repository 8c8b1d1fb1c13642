"""sin written where the derivative of sin (cos) belongs."""

import numpy as np


def fun_z(x, y):
    return np.sin(x**2 + y**2)


def fun_dz(x, y):
    u = x**2 + y**2
    return 2 * x * np.sin(u), 2 * y * np.sin(u)
