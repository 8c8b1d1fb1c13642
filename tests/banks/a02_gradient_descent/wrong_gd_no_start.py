"""Leaves theta0 out of the trajectory: n_steps rows instead of n_steps + 1."""

import numpy as np


def bowl(theta):
    return float(np.sum(theta ** 2))


def bowl_grad(theta):
    return 2.0 * theta


def gradient_descent(grad_fn, theta0, lr, n_steps):
    theta = np.array(theta0, dtype=float)
    trajectory = []
    for _ in range(n_steps):
        theta = theta - lr * grad_fn(theta)
        trajectory.append(theta)
    return np.array(trajectory)
