"""Uses only theta[0] and theta[1], as in the two-parameter formula J(t1, t2)."""

import numpy as np


def bowl(theta):
    return float(theta[0] ** 2 + theta[1] ** 2)


def bowl_grad(theta):
    return 2.0 * theta


def gradient_descent(grad_fn, theta0, lr, n_steps):
    theta = np.array(theta0, dtype=float)
    trajectory = [theta]
    for _ in range(n_steps):
        theta = theta - lr * grad_fn(theta)
        trajectory.append(theta)
    return np.array(trajectory)
