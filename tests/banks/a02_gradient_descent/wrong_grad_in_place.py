"""Doubles theta in place and returns it, changing the caller's array."""

import numpy as np


def bowl(theta):
    return float(np.sum(theta ** 2))


def bowl_grad(theta):
    theta *= 2
    return theta


def gradient_descent(grad_fn, theta0, lr, n_steps):
    theta = np.array(theta0, dtype=float)
    trajectory = [theta]
    for _ in range(n_steps):
        theta = theta - lr * grad_fn(theta)
        trajectory.append(theta)
    return np.array(trajectory)
