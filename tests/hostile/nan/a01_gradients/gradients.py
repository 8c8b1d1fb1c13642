"""Hostile submission: Returns NaN of the right shape and type."""

import numpy as np


def fun_z(x, y):
    return np.full(np.broadcast(x, y).shape, np.nan) if np.ndim(x) or np.ndim(y) else float("nan")


def fun_dz(x, y):
    z = fun_z(x, y)
    return z, z
