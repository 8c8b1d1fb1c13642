"""Correct, written differently: plain Python loops, a float copy updated in place, numpy float64 results."""

import numpy as np


def bowl(theta):
    total = np.float64(0.0)
    for t in theta:
        total += t * t
    return total


def bowl_grad(theta):
    grad = np.zeros(len(theta))
    for i in range(len(theta)):
        grad[i] = 2 * theta[i]
    return grad


def gradient_descent(grad_fn, theta0, lr, n_steps):
    theta = theta0.astype(float)
    points = [theta.copy()]
    for step in range(n_steps):
        grad = grad_fn(theta)
        theta -= lr * grad
        points.append(theta.copy())
    return np.vstack(points)
