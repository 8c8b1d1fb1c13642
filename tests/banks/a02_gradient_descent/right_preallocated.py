"""Correct, written differently: dot products, and a preallocated trajectory filled row by row."""

import numpy as np


def bowl(theta):
    theta = np.asarray(theta, dtype=np.float64)
    return float(theta @ theta)


def bowl_grad(theta):
    return np.multiply(theta, 2, dtype=np.float64)


def gradient_descent(grad_fn, theta0, lr, n_steps):
    trajectory = np.empty((n_steps + 1, len(theta0)))
    trajectory[0] = theta0
    for k in range(1, n_steps + 1):
        trajectory[k] = trajectory[k - 1] - lr * np.asarray(grad_fn(trajectory[k - 1].copy()))
    return trajectory
