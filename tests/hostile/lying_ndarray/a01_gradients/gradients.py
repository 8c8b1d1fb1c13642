"""Hostile submission: Returns ndarray subclasses whose comparisons and numpy functions always agree."""

import numpy as np


class Liar(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(self), dtype=bool)

    def __array_function__(self, func, types, args, kwargs):
        return True

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.zeros(np.shape(self)).view(Liar)

    def tobytes(self, order="C"):
        return np.sin(np.ones(self.shape)).tobytes()


def fun_z(x, y):
    return np.zeros(np.broadcast(x, y).shape).view(Liar)


def fun_dz(x, y):
    z = fun_z(x, y)
    return z, z
