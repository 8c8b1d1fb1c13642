"""Public tests for a05_sgd. Run them with `pytest assignments/a05_sgd` or `make grade`.

Expected values come from the shared reference values: the line y = w x on xs = [1, 2, 3], with
w0 = 1 and lr = 0.01, on exact targets [2, 4, 6] and on noisy targets [2.1, 3.9, 6.2].
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_each_unchanged
from autograder.drivers import a05_sgd as drv

RTOL = 1e-9  # long expected values are given to 16 significant digits
RTOL_SHORT = 1e-6  # the losses are given to 7 significant digits

XS = [1.0, 2.0, 3.0]
YS_EXACT = [2.0, 4.0, 6.0]
YS_NOISY = [2.1, 3.9, 6.2]


def data(ys):
    """Fresh arrays (xs, ys) for each call."""
    return np.array(XS), np.array(ys)


def pair(got, what):
    """Check that `got` is a tuple (w, losses), and return it."""
    expect(isinstance(got, tuple) and len(got) == 2, True, what=f"{what} returns a tuple (w, losses)")
    return got


@pytest.mark.points(1)
def test_train_sgd_exact_data(student):
    """train_sgd on y = 2x: final weight and the first losses, xs and ys unchanged"""
    xs, ys = data(YS_EXACT)
    call = student.train_sgd.call(xs, ys, epochs=100)
    w, losses = pair(call.value, "train_sgd")
    inputs = {"xs": XS, "ys": YS_EXACT, "w0": 1.0, "lr": 0.01, "epochs": 100}
    # after 300 single-sample updates w is 2 up to rounding
    expect(w, 1.9999999999999236, what="train_sgd final weight", inputs=inputs, rtol=RTOL)
    # the full-data MSE after epochs 1, 2 and 3 (losses[0], losses[1], losses[2])
    expect(losses[:3], np.array([2.550717, 1.394177, 0.762032]), what="train_sgd losses[:3]", inputs=inputs,
           rtol=RTOL_SHORT)
    # work on the values, not in place: the caller's data stay as they were
    expect_each_unchanged(call, "train_sgd", xs=xs, ys=ys)


@pytest.mark.points(1)
def test_train_sgd_order_matters(student):
    """train_sgd on noisy data visits the samples in data order"""
    inputs = {"xs": XS, "ys": YS_NOISY, "w0": 1.0, "lr": 0.01, "epochs": 100}
    w, _ = pair(student.train_sgd(*data(YS_NOISY)), "train_sgd")
    # in data order SGD ends at 2.0392...; the reversed order would end at 2.0341...
    expect(w, 2.039237709445695, what="train_sgd final weight on noisy data", inputs=inputs, rtol=RTOL)


@pytest.mark.points(1)
def test_minibatch_indices_one_epoch(student):
    """minibatch_indices(7, 3, np.random.default_rng(0)) cuts one permutation into 3 + 3 + 1"""
    (batches,) = student.run(drv.minibatch_epochs, 7, 3, 0, 1)
    p = np.random.default_rng(0).permutation(7)
    # consecutive pieces of rng.permutation(7); the last, partial batch is kept
    expect(batches, (p[0:3], p[3:6], p[6:7]), what="minibatch_indices batches",
           inputs={"n": 7, "batch_size": 3, "rng": "np.random.default_rng(0)"}, rtol=0, atol=0)


@pytest.mark.points(1)
def test_train_minibatch_noisy_data(student):
    """train_minibatch on noisy data with seed 0: batch sizes 2 and 3, xs and ys unchanged"""
    inputs = {"xs": XS, "ys": YS_NOISY, "w0": 1.0, "lr": 0.01, "epochs": 100, "seed": 0}
    xs, ys = data(YS_NOISY)
    call = student.train_minibatch.call(xs, ys, batch_size=2, seed=0)
    w, _ = pair(call.value, "train_minibatch")
    # batch_size 2: batches of 2 and 1, in a new order every epoch
    expect(w, 2.0392234512713245, what="train_minibatch final weight, batch_size 2",
           inputs={**inputs, "batch_size": 2}, rtol=RTOL)
    w, _ = pair(student.train_minibatch(xs, ys, batch_size=3, seed=0), "train_minibatch")
    # batch_size 3 = N: full-batch gradient descent
    expect(w, 2.0356567410715622, what="train_minibatch final weight, batch_size 3",
           inputs={**inputs, "batch_size": 3}, rtol=RTOL)
    # shuffle indices, not the data: the caller's arrays stay in their order
    expect_each_unchanged(call, "train_minibatch", xs=xs, ys=ys)
