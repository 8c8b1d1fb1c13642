"""Gradient descent on the bowl J(theta) = sum_i theta_i^2."""

import numpy as np


def bowl(theta):
    """
    The bowl cost J(theta) = theta_1^2 + theta_2^2 + ... + theta_D^2.

    Inputs:
    - theta: numpy array of shape (D,), D >= 1, of floats or integers. Not modified.

    Returns:
    - J: the sum of the squares of the entries of theta, as a Python float.
    """
    # BEGIN SOLUTION
    return float(np.sum(theta ** 2))
    # END SOLUTION


def bowl_grad(theta):
    """
    The gradient of the bowl: dJ/dtheta_i = 2 theta_i.

    Inputs:
    - theta: numpy array of shape (D,), D >= 1, of floats or integers. Not modified.

    Returns:
    - grad: float numpy array of shape (D,), a new array equal to 2 * theta.
    """
    # BEGIN SOLUTION
    return 2.0 * theta
    # END SOLUTION


def gradient_descent(grad_fn, theta0, lr, n_steps):
    """
    Run n_steps steps of gradient descent, theta_k = theta_{k-1} - lr * grad_fn(theta_{k-1}),
    and return every point visited.

    Inputs:
    - grad_fn: a function that takes a float numpy array theta of shape (D,) and returns
      the gradient of the cost at theta, a numpy array of shape (D,).
    - theta0: numpy array of shape (D,), D >= 1, of floats or integers: the starting point.
      Not modified.
    - lr: the learning rate (step size), a float > 0.
    - n_steps: the number of steps, an int >= 0.

    Returns:
    - trajectory: float numpy array of shape (n_steps + 1, D). Row 0 is theta0 and row k
      is theta_k, the point after k steps; the last row is the final point.
    """
    # BEGIN SOLUTION
    theta = np.array(theta0, dtype=float)
    trajectory = [theta]
    for _ in range(n_steps):
        theta = theta - lr * grad_fn(theta)
        trajectory.append(theta)
    return np.array(trajectory)
    # END SOLUTION
