"""Gradient functions passed to gradient_descent by the tests of a02_gradient_descent."""

import numpy as np

from autograder.drivers import probe


@probe
def bowl_gradient(theta):
    """Gradient of J(theta) = sum(theta^2): 2 theta."""
    return 2.0 * np.asarray(theta, dtype=float)


@probe
def scaled_bowl_gradient(scales, theta):
    """Gradient of J(theta) = sum(scales * theta^2): 2 * scales * theta (bind scales with functools.partial)."""
    return 2.0 * np.asarray(scales, dtype=float) * np.asarray(theta, dtype=float)


@probe
def quartic_gradient(theta):
    """Gradient of J(theta) = sum(theta^4) / 4: theta^3, a gradient that is not linear in theta."""
    return np.asarray(theta, dtype=float) ** 3
