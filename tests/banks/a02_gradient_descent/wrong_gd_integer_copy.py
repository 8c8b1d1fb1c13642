"""Copies theta0 without converting to float: an integer theta0 cannot take the in-place float update."""

import numpy as np


def bowl(theta):
    return float(np.sum(theta ** 2))


def bowl_grad(theta):
    return 2.0 * theta


def gradient_descent(grad_fn, theta0, lr, n_steps):
    theta = theta0.copy()
    trajectory = [theta.copy()]
    for _ in range(n_steps):
        theta -= lr * grad_fn(theta)
        trajectory.append(theta.copy())
    return np.array(trajectory)
