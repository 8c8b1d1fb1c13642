"""Hostile submission: fun_z is right; fun_dz is never defined."""

import numpy as np


def fun_z(x, y):
    return np.sin(x**2 + y**2)
