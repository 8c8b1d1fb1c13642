"""Hidden tests for a05_sgd: per-sample SGD, one epoch's mini-batches, mini-batch gradient descent."""

import numpy as np
import pytest

from autograder.checks import expect, expect_each_unchanged, expect_same
from autograder.drivers import a05_sgd as drv

SEED = 505
# The same updates in a different order of operations stay a few ulps apart; every run below is
# contractive (lr * 2 * x^2 < 1), so rounding differences do not grow over the epochs.
RTOL = 1e-9
ATOL = 1e-12

# The anchor data of docs/reference-values.md. On the exact data y = 2x the sample order cannot be
# detected; the noisy targets make the order, the shuffles and the batch means visible.
XS = (1.0, 2.0, 3.0)
YS_EXACT = (2.0, 4.0, 6.0)
YS_NOISY = (2.1, 3.9, 6.2)


def exact():
    """Fresh arrays for every call, so that a submission that modifies its inputs spoils no other check."""
    return np.array(XS), np.array(YS_EXACT)


def noisy():
    """Fresh arrays of the noisy anchor data."""
    return np.array(XS), np.array(YS_NOISY)


def reversed_noisy():
    """The noisy anchor data, last sample first."""
    return np.array(XS[::-1]), np.array(YS_NOISY[::-1])


def ints():
    """Integer samples (integer dtype arrays)."""
    return np.array([1, 2, 3, -1, 0]), np.array([2, 4, 7, -3, 1])


def random_data(seed, n):
    """Seeded noisy samples of y = 1.7 x with |x| <= 1.5."""
    rng = np.random.default_rng(seed)
    xs = rng.uniform(-1.5, 1.5, n)
    return xs, 1.7 * xs + rng.normal(0.0, 0.3, n)


def pair(got, what):
    """Check that `got` is the (w, losses) tuple the docstrings promise, and return it."""
    # a tuple of two: the weight and the losses
    expect(isinstance(got, tuple) and len(got) == 2, True, what=f"{what} returns a tuple (w, losses)")
    return got


# --------------------------------------------------------------------------- train_sgd


@pytest.mark.points(3)
def test_train_sgd_weights(student, ref):
    """train_sgd: one update per sample, in data order, each using the latest w"""
    w, _ = pair(student.train_sgd(*exact(), epochs=1), "train_sgd")
    # one epoch on y = 2x: three updates in a row, w = 1.02, 1.0984, 1.260688
    expect(w, ref.train_sgd(*exact(), epochs=1)[0], what="train_sgd weight after one epoch", rtol=RTOL)
    w, _ = pair(student.train_sgd(*exact()), "train_sgd")
    # 100 epochs on y = 2x: w = 1.9999999999999236
    expect(w, ref.train_sgd(*exact())[0], what="train_sgd final weight on y = 2x", rtol=RTOL)
    w, _ = pair(student.train_sgd(*noisy()), "train_sgd")
    # noisy data in order: 2.039237709445695
    expect(w, ref.train_sgd(*noisy())[0], what="train_sgd final weight on noisy data", rtol=RTOL)
    w, _ = pair(student.train_sgd(*reversed_noisy()), "train_sgd")
    # the same data reversed ends elsewhere: 2.034137359602204
    expect(w, ref.train_sgd(*reversed_noisy())[0],
           what="train_sgd final weight on reversed noisy data", rtol=RTOL)


@pytest.mark.points(2)
def test_train_sgd_losses(student, ref):
    """train_sgd: losses[e] is the full-data MSE after epoch e"""
    _, losses = pair(student.train_sgd(*exact(), epochs=10), "train_sgd")
    # on y = 2x: 2.550717, 1.394177, 0.762032, ...
    expect(losses, ref.train_sgd(*exact(), epochs=10)[1], what="train_sgd losses on y = 2x",
           rtol=RTOL, atol=ATOL)
    _, losses = pair(student.train_sgd(*noisy(), epochs=20), "train_sgd")
    # on noisy data the MSE levels off above its minimum
    expect(losses, ref.train_sgd(*noisy(), epochs=20)[1], what="train_sgd losses on noisy data",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_train_sgd_random(student, ref):
    """train_sgd: seeded random data, other w0, lr and epochs"""
    args = dict(w0=-0.5, lr=0.05, epochs=30)
    # weight and losses together
    expect(student.train_sgd(*random_data(SEED, 17), **args), ref.train_sgd(*random_data(SEED, 17), **args),
           what="train_sgd on seeded random data", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_train_sgd_types_and_shapes(student, ref):
    """train_sgd: integer inputs, losses of shape (epochs,), and epochs = 0"""
    # integers in (xs, ys and w0), a float and a float array of shape (10,) out
    expect(student.train_sgd(*ints(), w0=1, epochs=10), ref.train_sgd(*ints(), w0=1, epochs=10),
           what="train_sgd on integer inputs", rtol=RTOL, atol=ATOL)
    # no epochs: w0 and an empty float array
    expect(student.train_sgd(*noisy(), w0=0.25, epochs=0), ref.train_sgd(*noisy(), w0=0.25, epochs=0),
           what="train_sgd with 0 epochs", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_train_sgd_inputs_not_modified(student, ref):
    """train_sgd gives the right result and leaves xs and ys unchanged"""
    xs, ys = random_data(SEED + 1, 9)
    call = student.train_sgd.call(xs, ys, lr=0.05, epochs=5)
    # right values first: a function that ignores its data does not earn this point
    expect(call.value, ref.train_sgd(xs.copy(), ys.copy(), lr=0.05, epochs=5),
           what="train_sgd on random data", rtol=RTOL, atol=ATOL)
    # each argument as the submission left it: an in-place change, even in the last bit, shows here
    expect_each_unchanged(call, "train_sgd", xs=xs, ys=ys)


# --------------------------------------------------------------------------- minibatch_indices


@pytest.mark.points(2)
def test_minibatch_indices_two_epochs(student, ref):
    """minibatch_indices: two epochs from one generator"""
    # n = 7, batch_size 3, one default_rng(0) for both calls: each call draws one permutation
    expect(student.run(drv.minibatch_epochs, 7, 3, 0), drv.minibatch_epochs(ref, 7, 3, 0),
           what="minibatch_indices called twice with one rng", rtol=0, atol=0)


@pytest.mark.points(2)
def test_minibatch_indices_sizes(student, ref):
    """minibatch_indices: keeps the last, partial batch; batch sizes 1, n and more than n"""
    for n, batch_size in [(10, 4), (5, 1), (6, 6), (4, 9)]:
        # batches of 4, 4 and 2; n batches of 1; one batch of all n indices (twice)
        expect(student.run(drv.minibatch_epochs, n, batch_size, SEED + n, 1),
               drv.minibatch_epochs(ref, n, batch_size, SEED + n, 1),
               what="minibatch_indices for several n and batch sizes", rtol=0, atol=0)


@pytest.mark.points(1)
def test_minibatch_indices_same_seed(student, ref):
    """minibatch_indices: the same seed gives the same batches"""
    first = student.run(drv.minibatch_epochs, 11, 4, SEED + 2, 3)
    # the shuffle comes from rng only, so a second generator with the same seed repeats it
    expect(student.run(drv.minibatch_epochs, 11, 4, SEED + 2, 3), first,
           what="minibatch_indices twice with the same seed", rtol=0, atol=0)
    # and it is rng.permutation(n), cut in order
    expect(first, drv.minibatch_epochs(ref, 11, 4, SEED + 2, 3),
           what="minibatch_indices over three epochs", rtol=0, atol=0)


# Many epochs, each from its own seeded generator: n = 1 .. 12 with batch sizes 1, 2, 3, 5, n and n + 2.
MB_CASES = [(n, b, SEED + 100 * n + b) for n in range(1, 13) for b in sorted({1, 2, 3, 5, n, n + 2})]
MB_SEEDS = 20  # epochs of 12 indices from 20 seeds: 12! orders, so 20 different ones unless the seed is ignored


def is_index_array(batch):
    """A 1-D integer numpy array."""
    return isinstance(batch, np.ndarray) and batch.ndim == 1 and batch.dtype.kind in "iu"


@pytest.mark.points(2)
def test_minibatch_indices_every_index_once(student):
    """minibatch_indices: over many seeds and sizes, every index in exactly one batch, a fresh order for each seed"""
    got = student.run(drv.minibatch_cases, MB_CASES)
    for (n, batch_size, _), batches in zip(MB_CASES, got):
        # a list of integer arrays of 1 dimension
        assert all(is_index_array(b) for b in batches), "each batch must be a 1-D integer numpy array"
        # ceil(n / batch_size) batches: batch_size indices each, the last one the rest
        expect([len(b) for b in batches], [min(batch_size, n - k) for k in range(0, n, batch_size)],
               what="minibatch_indices batch sizes", rtol=0, atol=0)
        # the indices of all batches together are 0 .. n - 1, each exactly once: no index dropped or repeated
        expect(np.sort(np.concatenate(batches)), np.arange(n), what="minibatch_indices: the indices of one epoch",
               rtol=0, atol=0)
    orders = student.run(drv.minibatch_cases, [(12, 12, SEED + k) for k in range(MB_SEEDS)])
    assert all(len(batches) == 1 and is_index_array(batches[0]) for batches in orders), (
        "a batch_size of n must give one batch of n indices")
    # a fresh shuffle from rng: generators with different seeds give different orders
    fresh = len({tuple(batches[0]) for batches in orders}) == MB_SEEDS
    assert fresh, "generators with different seeds must give different orders"


# --------------------------------------------------------------------------- train_minibatch


@pytest.mark.points(3)
def test_train_minibatch_anchors(student, ref):
    """train_minibatch: batch sizes 1, 2 and 3 on the noisy data, seed 0"""
    for batch_size in (1, 2, 3):
        w, _ = pair(student.train_minibatch(*noisy(), batch_size=batch_size), "train_minibatch")
        # 2.0370318731422707, 2.0392234512713245, 2.0356567410715622 (batch size 3 is full-batch GD)
        expect(w, ref.train_minibatch(*noisy(), batch_size=batch_size)[0],
               what="train_minibatch final weight on noisy data", rtol=RTOL)


@pytest.mark.points(1)
def test_train_minibatch_losses(student, ref):
    """train_minibatch: losses[e] is the full-data MSE after epoch e"""
    _, losses = pair(student.train_minibatch(*noisy(), epochs=20, seed=3), "train_minibatch")
    # one mean squared error per epoch, taken after the epoch's updates
    expect(losses, ref.train_minibatch(*noisy(), epochs=20, seed=3)[1],
           what="train_minibatch losses on noisy data", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_train_minibatch_random(student, ref):
    """train_minibatch: seeded random data with a short last batch"""
    args = dict(w0=0.2, lr=0.05, epochs=25, batch_size=5, seed=11)
    # batches of 5, 5 and 3 in a new order every epoch
    expect(student.train_minibatch(*random_data(SEED + 3, 13), **args),
           ref.train_minibatch(*random_data(SEED + 3, 13), **args),
           what="train_minibatch on seeded random data", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_train_minibatch_same_seed(student, ref):
    """train_minibatch: the same seed gives the same result"""
    args = dict(lr=0.05, epochs=10, batch_size=3, seed=42)
    first = student.train_minibatch(*random_data(SEED + 4, 8), **args)
    # a second run with the same seed repeats the first exactly
    expect_same(student.train_minibatch(*random_data(SEED + 4, 8), **args), first,
                what="train_minibatch twice with the same seed")
    # and both follow default_rng(seed)
    expect(first, ref.train_minibatch(*random_data(SEED + 4, 8), **args), what="train_minibatch with seed 42", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_train_minibatch_types_and_edge_cases(student, ref):
    """train_minibatch: integer inputs, batch_size > N (full-batch GD), and epochs = 0"""
    # integers in (xs, ys and w0), a float and a float array out
    expect(student.train_minibatch(*ints(), w0=1, epochs=10, batch_size=2, seed=1),
           ref.train_minibatch(*ints(), w0=1, epochs=10, batch_size=2, seed=1),
           what="train_minibatch on integer inputs", rtol=RTOL, atol=ATOL)
    # one batch of all samples per epoch
    expect(student.train_minibatch(*noisy(), epochs=10, batch_size=10),
           ref.train_minibatch(*noisy(), epochs=10, batch_size=10),
           what="train_minibatch with batch_size larger than N", rtol=RTOL, atol=ATOL)
    # no epochs: w0 and an empty float array
    expect(student.train_minibatch(*noisy(), w0=0.25, epochs=0),
           ref.train_minibatch(*noisy(), w0=0.25, epochs=0),
           what="train_minibatch with 0 epochs", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_train_minibatch_inputs_not_modified(student, ref):
    """train_minibatch gives the right result and leaves xs and ys unchanged"""
    xs, ys = random_data(SEED + 5, 9)
    call = student.train_minibatch.call(xs, ys, lr=0.05, epochs=5, batch_size=4, seed=2)
    # right values first: a function that ignores its data does not earn this point
    expect(call.value, ref.train_minibatch(xs.copy(), ys.copy(), lr=0.05, epochs=5, batch_size=4, seed=2),
           what="train_minibatch on random data", rtol=RTOL, atol=ATOL)
    # each argument as the submission left it: an in-place change, even in the last bit, shows here
    expect_each_unchanged(call, "train_minibatch", xs=xs, ys=ys)
