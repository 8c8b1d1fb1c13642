"""Updates theta0 itself in place (theta = theta0 does not copy)."""

import numpy as np


def bowl(theta):
    return float(np.sum(theta ** 2))


def bowl_grad(theta):
    return 2.0 * theta


def gradient_descent(grad_fn, theta0, lr, n_steps):
    theta = theta0
    trajectory = [theta.copy()]
    for _ in range(n_steps):
        theta -= lr * grad_fn(theta)
        trajectory.append(theta.copy())
    return np.array(trajectory, dtype=float)
