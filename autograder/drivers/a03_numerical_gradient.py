"""Functions passed as f to eval_numerical_gradient and grad_check_sparse by the tests of a03_numerical_gradient,
the form a grad_check_sparse result must have, and a driver that collects its draws over many seeds."""

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


def form_problem(got, shape, num_checks):
    """What is wrong with the form of a grad_check_sparse result for an x of `shape`, or None when it is a list of
    num_checks pairs (ix, error): ix a tuple of len(shape) ints that indexes x, error a real number."""
    if not isinstance(got, (list, tuple)):
        return "grad_check_sparse must return a list of (ix, error) pairs"
    if len(got) != num_checks:
        return "grad_check_sparse must return num_checks pairs"
    for pair in got:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            return "each check must be a pair (ix, error)"
        ix, error = pair
        if not (isinstance(ix, (list, tuple)) and len(ix) == len(shape)):
            return "ix must be a tuple of x.ndim ints"
        if not all(isinstance(i, (int, np.integer)) and not isinstance(i, bool) for i in ix):
            return "ix must hold ints"
        if not all(0 <= i < n for i, n in zip(ix, shape)):
            return "ix must be an index of x"
        if not isinstance(error, (int, float, np.integer, np.floating)) or isinstance(error, bool):
            return "each error must be a float"
    return None


@driver
def check_draws(mod, shape, num_checks, seeds):
    """Run mod.grad_check_sparse(sum_squares, x, 2 x, num_checks, 1e-5, seed) at x = 0 of `shape`, once per seed.

    Returns (draws, bad). When every call returned a result of the right form (`form_problem`), draws is an int64
    array of shape (len(seeds), num_checks): the flat indices into `shape` each call checked, in order; bad is None.
    Otherwise draws is None and bad is what the first such call returned, as it returned it. (A list of pairs per
    seed would cross the sandbox as some 400 KB of JSON; the indices are all the tests need.)
    """
    runs = []
    for seed in seeds:
        x = np.zeros(shape)
        runs.append(mod.grad_check_sparse(sum_squares, x, np.zeros(shape), num_checks, 1e-5, int(seed)))
    for run in runs:
        if form_problem(run, shape, num_checks) is not None:
            return None, run
    coords = np.array([[int(i) for i in ix] for run in runs for ix, _ in run], dtype=np.int64).reshape(-1, len(shape))
    flat = np.ravel_multi_index(tuple(coords.T), shape).astype(np.int64)
    return flat.reshape(len(seeds), num_checks), None
