"""Differentiates theta^2 to 2 theta^2: keeps the square."""

import numpy as np


def bowl(theta):
    return float(np.sum(theta ** 2))


def bowl_grad(theta):
    return 2.0 * theta ** 2


def gradient_descent(grad_fn, theta0, lr, n_steps):
    theta = np.array(theta0, dtype=float)
    trajectory = [theta]
    for _ in range(n_steps):
        theta = theta - lr * grad_fn(theta)
        trajectory.append(theta)
    return np.array(trajectory)
