"""Hostile submission: Imports a module that does not exist."""

import numpy as np
import torch_that_is_not_installed


def fun_z(x, y):
    return np.sin(x**2 + y**2)
