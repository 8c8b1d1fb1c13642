"""Hostile submission: fun_z is right; fun_dz calls os._exit(3)."""

import os

import numpy as np


def fun_z(x, y):
    return np.sin(x**2 + y**2)


def fun_dz(x, y):
    os._exit(3)
