"""Hostile submission: Patches numpy's comparison functions to always agree, then returns zeros."""

import numpy as np

np.allclose = lambda *args, **kwargs: True
np.isclose = lambda a, b, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
np.array_equal = lambda *args, **kwargs: True
np.all = lambda *args, **kwargs: True
np.isfinite = lambda a, *args, **kwargs: np.ones(np.shape(a), dtype=bool)


def fun_z(x, y):
    return np.zeros(np.broadcast(x, y).shape) if np.ndim(x) or np.ndim(y) else 0.0


def fun_dz(x, y):
    z = fun_z(x, y)
    return z, z
