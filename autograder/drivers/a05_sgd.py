"""Drivers for a05_sgd: a numpy Generator cannot be passed in, so it is built here."""

import numpy as np

from autograder.drivers import driver


@driver
def minibatch_epochs(mod, n, batch_size, seed, epochs=2):
    """Call mod.minibatch_indices(n, batch_size, rng) `epochs` times with one rng = default_rng(seed).

    Returns a tuple with one entry per call: the batches that call returned, as a tuple.
    """
    rng = np.random.default_rng(seed)
    return tuple(tuple(mod.minibatch_indices(n, batch_size, rng)) for _ in range(epochs))


@driver
def minibatch_cases(mod, cases):
    """For each (n, batch_size, seed) in `cases`: mod.minibatch_indices(n, batch_size, default_rng(seed)).

    Returns a tuple with one entry per case: the batches that call returned, as a tuple.
    """
    return tuple(tuple(mod.minibatch_indices(int(n), int(batch_size), np.random.default_rng(int(seed))))
                 for n, batch_size, seed in cases)
