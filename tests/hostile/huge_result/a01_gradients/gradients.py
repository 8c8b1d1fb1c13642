"""Hostile submission: Returns a 48 MB array every time."""

import numpy as np


def fun_z(x, y):
    return np.zeros(6 * 10**6)


def fun_dz(x, y):
    return np.zeros(6 * 10**6), np.zeros(6 * 10**6)
