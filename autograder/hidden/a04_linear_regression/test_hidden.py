"""Hidden tests for a04_linear_regression, graded against solutions/a04_linear_regression/linear.py."""

import copy

import numpy as np
import pytest

from autograder.checks import agree, expect, expect_each_unchanged

SEED = 20261121
RTOL = 1e-9    # same formulas, different order of operations: a few ulps apart, even after 100 updates
ATOL = 1e-12   # for costs and gradients that are (nearly) zero at the optimum
# the running example of the handout: y = 2x exactly, and the same inputs with noisy targets
XS, YS = np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0])
YS_NOISY = np.array([2.1, 3.9, 6.2])
W_STAR_NOISY = 57 / 28  # least-squares optimum on the noisy targets: sum(x y) / sum(x^2)
# anchors from the shared reference values
COST_ANCHORS = {1.0: 14 / 3, 2.0: 0.0, 0.5: 10.5}   # w -> C(w) on the running example
W_100 = 1.9999444396553017           # train_gd(XS, YS) with the defaults
W_100_NOISY = 2.0356567410715622     # train_gd(XS, YS_NOISY) with the defaults
# (w, b) -> (dC/dw, dC/db) for the mean-based C on the running example (the summed C gives 3 times these)
WB_ANCHORS = {(1.0, 0.0): (-28 / 3, -4.0), (0.5, 1.0): (-10.0, -4.0)}
# small integer data, for the integer-input checks
XS_INT, YS_INT = np.array([1, 2, 3, 4]), np.array([3, 1, 4, 1])


def data(seed, n=8):
    """Seeded noisy data around the line y = 1.5 x - 0.5 (a bias the model without b cannot fit)."""
    rng = np.random.default_rng(seed)
    xs = rng.uniform(-2.0, 2.0, n)
    return xs, 1.5 * xs - 0.5 + rng.normal(0.0, 0.3, n)


def part(got, i):
    """Item i of a returned pair; anything that is not a pair is passed on whole, so that `expect` reports it."""
    return got[i] if isinstance(got, (tuple, list)) and len(got) == 2 else got


@pytest.mark.points(2)
def test_forward(student, ref):
    """forward multiplies a float or an array of any shape by w"""
    xs, _ = data(SEED)
    x2 = xs.reshape(2, 4)
    # a float in, a float out
    agree(student.forward, ref.forward, 2.5, -1.5, what="forward on a float", rtol=RTOL)
    # an array of shape (N,) in, the same shape out
    agree(student.forward, ref.forward, -0.7, xs, what="forward on an array of shape (8,)", rtol=RTOL)
    # elementwise on a 2-D array: shape (2, 4) kept
    agree(student.forward, ref.forward, 1.25, x2, what="forward on an array of shape (2, 4)", rtol=RTOL)
    # an integer array times a float weight is a float array
    agree(student.forward, ref.forward, 0.5, XS_INT, what="forward on an integer array", rtol=RTOL)


@pytest.mark.points(2)
def test_cost(student, ref):
    """cost is the mean squared error"""
    for w, want in COST_ANCHORS.items():
        # 14/3 at w = 1, 0 at the optimum w = 2
        expect(student.cost(w, XS, YS), want, what="cost on the running example", rtol=RTOL, atol=ATOL)
    xs, ys = data(SEED + 1)
    for w in (-1.0, 1.7):
        # the mean (not the sum) of the squared residuals, no factor 1/2
        agree(student.cost, ref.cost, w, xs, ys, what="cost on random data of 8 samples", rtol=RTOL)
    # a single sample: the mean is that sample's squared error
    agree(student.cost, ref.cost, 0.3, xs[:1], ys[:1], what="cost on one sample", rtol=RTOL)


@pytest.mark.points(2)
def test_gradient(student, ref):
    """gradient is dC/dw of the mean squared error"""
    # -28/3 at w = 1 (with the factor 2 and the mean)
    expect(student.gradient(1.0, XS, YS), -28 / 3, what="gradient at w = 1 on the running example", rtol=RTOL)
    # zero where the cost is smallest, for exact and for noisy targets
    expect(student.gradient(2.0, XS, YS), 0.0, what="gradient at the optimum w = 2", rtol=RTOL, atol=ATOL)
    expect(student.gradient(W_STAR_NOISY, XS, YS_NOISY), 0.0, what="gradient at the optimum on noisy targets",
           rtol=RTOL, atol=ATOL)
    xs, ys = data(SEED + 2)
    for w in (-1.0, 1.7):
        # (2/N) sum (w x - y) x, a float
        agree(student.gradient, ref.gradient, w, xs, ys, what="gradient on random data of 8 samples",
               rtol=RTOL)


@pytest.mark.points(2)
def test_train_gd_weight(student):
    """train_gd with the default settings reaches the anchor weight"""
    # defaults w0 = 1.0, lr = 0.01, epochs = 100 on y = 2x: w = 2 - 0.906667^100
    expect(part(student.train_gd(XS, YS), 0), W_100, what="final w of train_gd(xs, ys) on y = 2x", rtol=RTOL)
    # noisy targets: the weight is still approaching the optimum 2.0357
    expect(part(student.train_gd(XS, YS_NOISY), 0), W_100_NOISY, what="final w of train_gd(xs, ys) on noisy targets",
           rtol=RTOL)


@pytest.mark.points(2)
def test_train_gd_costs(student, ref):
    """train_gd records the cost before each update"""
    # an array of shape (100,): costs[0] = C(w0) = 14/3, no cost after the last update
    expect(part(student.train_gd(XS, YS), 1), ref.train_gd(XS, YS)[1], what="costs of train_gd(xs, ys) on y = 2x",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_train_gd_arguments(student, ref):
    """train_gd with w0, lr and epochs given, each left at its default, and 0 and 1 epochs"""
    xs, ys = data(SEED + 3, n=12)
    args = dict(w0=-0.5, lr=0.05, epochs=40)
    want = ref.train_gd(xs, ys, **args)
    # the pair (w, costs), from the given starting weight
    expect(student.train_gd(xs, ys, **args), want, what="train_gd(xs, ys, w0, lr, epochs) on random data", rtol=RTOL)
    # the same inputs give the same result again: no state kept between calls
    expect(student.train_gd(xs, ys, **args), want, what="a second identical call of train_gd", rtol=RTOL)
    for name in args:
        given = {k: v for k, v in args.items() if k != name}
        # each default on its own, the other two arguments given
        expect(student.train_gd(xs, ys, **given), ref.train_gd(xs, ys, **given),
               what=f"train_gd with {name} left at its default", rtol=RTOL)
    # no update: w0 itself and an empty array of costs
    expect(student.train_gd(xs, ys, w0=0.3, lr=0.05, epochs=0), ref.train_gd(xs, ys, w0=0.3, lr=0.05, epochs=0),
           what="train_gd with epochs = 0", rtol=RTOL)
    # one update: a single cost, C(w0)
    expect(student.train_gd(xs, ys, w0=0.3, lr=0.05, epochs=1), ref.train_gd(xs, ys, w0=0.3, lr=0.05, epochs=1),
           what="train_gd with epochs = 1", rtol=RTOL)


@pytest.mark.points(1)
def test_gradient_wb_anchors(student):
    """gradient_wb returns the tuple (dC/dw, dC/db) at the anchor points"""
    for (w, b), want in WB_ANCHORS.items():
        # the mean-based C: (-28/3, -4) at (1, 0) and (-10, -4) at (0.5, 1)
        expect(student.gradient_wb(w, b, XS, YS), want, what="gradient_wb on the running example", rtol=RTOL)


@pytest.mark.points(2)
def test_gradient_wb_dw(student, ref):
    """gradient_wb: the derivative with respect to w"""
    xs, ys = data(SEED + 4)
    for w, b in ((-1.2, 0.4), (2.0, -0.8)):
        # first item: (2/N) sum (w x + b - y) x
        expect(part(student.gradient_wb(w, b, xs, ys), 0), ref.gradient_wb(w, b, xs, ys)[0],
               what="dC/dw from gradient_wb on random data", rtol=RTOL)


@pytest.mark.points(2)
def test_gradient_wb_db(student, ref):
    """gradient_wb: the derivative with respect to b"""
    xs, ys = data(SEED + 4)
    for w, b in ((-1.2, 0.4), (2.0, -0.8)):
        # second item: (2/N) sum (w x + b - y)
        expect(part(student.gradient_wb(w, b, xs, ys), 1), ref.gradient_wb(w, b, xs, ys)[1],
               what="dC/db from gradient_wb on random data", rtol=RTOL)


@pytest.mark.points(2)
def test_integer_inputs(student, ref):
    """cost, gradient, train_gd and gradient_wb accept integer arrays"""
    xs, ys = XS_INT, YS_INT
    # integers in, floats out
    agree(student.cost, ref.cost, 0.5, xs, ys, what="cost on integer arrays", rtol=RTOL)
    agree(student.gradient, ref.gradient, 0.5, xs, ys, what="gradient on integer arrays", rtol=RTOL)
    expect(student.train_gd(xs, ys, w0=0.3, lr=0.02, epochs=5), ref.train_gd(xs, ys, w0=0.3, lr=0.02, epochs=5),
           what="train_gd on integer arrays", rtol=RTOL)
    agree(student.gradient_wb, ref.gradient_wb, 0.5, 1.0, xs, ys,
           what="gradient_wb on integer arrays", rtol=RTOL)


@pytest.mark.points(1)
def test_inputs_not_modified(student, ref):
    """every function gives the right result and leaves each of its input arrays unchanged"""
    xs, ys = data(SEED + 5)  # float64: np.asarray(xs, dtype=float) is the caller's own array
    calls = [("forward", (1.5, xs), ("w", "x")), ("cost", (1.5, xs, ys), ("w", "xs", "ys")),
             ("gradient", (1.5, xs, ys), ("w", "xs", "ys")), ("train_gd", (xs, ys, 0.5, 0.05, 3), ("xs", "ys")),
             ("gradient_wb", (1.5, -0.5, xs, ys), ("w", "b", "xs", "ys"))]
    for name, args, names in calls:
        call = getattr(student, name).call(*args)
        # right values first: a function that ignores its inputs does not earn this point
        expect(call.value, getattr(ref, name)(*copy.deepcopy(args)), what=f"{name} on random data",
               rtol=RTOL, atol=ATOL)
        # each input array as the submission left it: an in-place change (values or shape) shows here
        expect_each_unchanged(call, name, **dict(zip(names, args)))
