"""Hostile submission: Prints hundreds of megabytes."""

import numpy as np

line = "spam " * 200


def fun_z(x, y):
    for _ in range(10**6):
        print(line)
    return np.sin(x**2 + y**2) * 0


def fun_dz(x, y):
    while True:
        print(line)
