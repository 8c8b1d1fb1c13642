"""Correct, never changing x in place: every point is a new array; coordinates come from random.Random(seed)."""

import random

import numpy as np


def _nudged(x, ix, step):
    """A float64 copy of x with step added to entry ix."""
    point = np.array(x, dtype=np.float64)
    point[ix] += step
    return point


def eval_numerical_gradient(f, x, h=1e-5):
    """Centered differences on fresh copies of x."""
    grad = np.empty(np.shape(x))
    for ix in np.ndindex(*np.shape(x)):
        grad[ix] = (f(_nudged(x, ix, h)) - f(_nudged(x, ix, -h))) / (2.0 * h)
    return grad


def rel_error(x, y):
    """Largest relative error, computed on float64 arrays."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return np.abs(x - y).__truediv__(np.clip(np.abs(x) + np.abs(y), 1e-8, None)).max().item()


def grad_check_sparse(f, x, analytic_grad, num_checks=10, h=1e-5, seed=0):
    """Coordinates from the standard library's random.Random(seed)."""
    gen = random.Random(seed)
    checks = []
    for _ in range(num_checks):
        ix = tuple(gen.randrange(n) for n in np.shape(x))
        numerical = (f(_nudged(x, ix, h)) - f(_nudged(x, ix, -h))) / (2.0 * h)
        checks.append((ix, rel_error(numerical, analytic_grad[ix])))
    return checks


def svm_loss_single(W, x, y, delta=1.0):
    """Vectorised, removing the correct class with a mask."""
    scores = np.dot(W, x).astype(np.float64)
    others = np.arange(W.shape[0]) != y
    return float(np.clip(scores[others] - scores[y] + delta, 0.0, None).sum())


def svm_grad_single(W, x, y, delta=1.0):
    """Vectorised with a boolean mask and broadcasting."""
    scores = np.dot(W, x)
    positive = (scores - scores[y] + delta > 0) & (np.arange(W.shape[0]) != y)
    coeff = positive.astype(np.float64)
    coeff[y] = -positive.sum()
    return coeff[:, None] * np.asarray(x, dtype=np.float64)[None, :]
