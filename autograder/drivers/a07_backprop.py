"""Drivers for a07_backprop: the cache returned by forward stays inside the module that made it."""

import numpy as np

from autograder.drivers import driver


@driver
def gradients(mod, params, X, Y):
    """Run out, cache = mod.forward(params, X), then return mod.backward(params, cache, Y)."""
    _, cache = mod.forward(params, X)
    return mod.backward(params, cache, Y)


@driver
def gradients_twice(mod, params, X, Y):
    """Run forward once and backward twice on the same cache; return both gradient dicts."""
    _, cache = mod.forward(params, X)
    first = mod.backward(params, cache, Y)
    second = mod.backward(params, cache, Y)
    return first, second


@driver
def train(mod, params, X, Y, lr, steps):
    """Full-batch gradient descent with forward, backward and sgd_step.

    Returns (params after `steps` steps, list of the mean costs 1/N sum 1/2 ||out - y||^2
    measured before each step).
    """
    costs = []
    for _ in range(steps):
        out, cache = mod.forward(params, X)
        costs.append(float(0.5 * np.sum((out - Y) ** 2) / X.shape[0]))
        grads = mod.backward(params, cache, Y)
        params = mod.sgd_step(params, grads, lr)
    return params, costs
