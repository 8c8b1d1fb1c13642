"""Hostile submission: Allocates far more memory than allowed."""

import numpy as np


def fun_z(x, y):
    hog = [bytearray(50 << 20) for _ in range(1000)]
    return np.sin(x**2 + y**2) + len(hog)


def fun_dz(x, y):
    hog = np.ones(10**10)
    return hog, hog
