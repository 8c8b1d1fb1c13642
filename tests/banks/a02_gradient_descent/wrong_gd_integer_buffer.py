"""Stores the trajectory in an array of theta0's dtype: integer starts are rounded."""

import numpy as np


def bowl(theta):
    return float(np.sum(theta ** 2))


def bowl_grad(theta):
    return 2.0 * theta


def gradient_descent(grad_fn, theta0, lr, n_steps):
    trajectory = np.zeros((n_steps + 1, theta0.shape[0]), dtype=theta0.dtype)
    trajectory[0] = theta0
    for k in range(n_steps):
        trajectory[k + 1] = trajectory[k] - lr * grad_fn(trajectory[k])
    return trajectory
