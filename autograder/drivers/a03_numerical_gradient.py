"""Functions passed as f to eval_numerical_gradient and grad_check_sparse by the tests of a03_numerical_gradient,
and a driver that collects the draws of grad_check_sparse over many seeds."""

import numpy as np

from autograder.drivers import driver, probe


@probe
def sum_cubes(x):
    """f(x) = sum(x^3); its gradient is 3 x^2."""
    return float(np.sum(x ** 3))


@probe
def sum_squares(x):
    """f(x) = sum(x^2); its gradient is 2 x."""
    return float(np.sum(x ** 2))


@probe
def sum_x_sin_x(x):
    """f(x) = sum(x sin x); its gradient is sin x + x cos x."""
    return float(np.sum(x * np.sin(x)))


@probe
def log_sum_exp(x):
    """f(x) = log(sum(exp(x))); its gradient is the softmax of x, so every entry depends on every other."""
    return float(np.log(np.sum(np.exp(x))))


@driver
def check_draws(mod, shape, num_checks, seeds):
    """Run mod.grad_check_sparse(sum_squares, x, 2 x, num_checks, 1e-5, seed) at x = 0 of `shape`, once per seed.

    Returns a list with one entry per seed, in order: the list that call returned, as it returned it.
    """
    runs = []
    for seed in seeds:
        x = np.zeros(shape)
        runs.append(mod.grad_check_sparse(sum_squares, x, np.zeros(shape), num_checks, 1e-5, int(seed)))
    return runs
