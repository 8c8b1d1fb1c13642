"""Hidden tests for a03_numerical_gradient: numerical gradients, gradient checks, the SVM loss of one sample."""

import numpy as np
import pytest

from autograder.checks import agree, expect, expect_each_unchanged, expect_same, expect_unchanged
from autograder.drivers import a03_numerical_gradient as drv

SEED = 303
H = 1e-5
# A correct centered difference matches the reference up to rounding (about 1e-10 here); the forward
# difference is off by about 1e-5 relative, a step of h instead of 2h by a factor 2.
GRAD_RTOL = 1e-7
GRAD_ATOL = 1e-8
# Relative errors of a gradient check: tiny ones (about 1e-10) are rounding noise, so they need an
# absolute tolerance; a forward difference gives about 1e-5.
ERR_RTOL = 1e-6
ERR_ATOL = 1e-8
# Losses and their gradients are exact up to rounding.
RTOL = 1e-9
ATOL = 1e-12

# The anchor point of docs/reference-values.md (f = sum(x^3): the centered estimate is 3 x^2 + h^2).
X_ANCHOR = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.5]])


def _pairs(got, x, num_checks):
    """The (ix, error) pairs of a grad_check_sparse result, after checking the form the docstring promises."""
    problem = drv.form_problem(got, x.shape, num_checks)
    # a list of num_checks pairs (ix, error): ix a tuple of x.ndim ints that indexes x, error a real number
    assert problem is None, problem
    return [(tuple(int(i) for i in ix), float(error)) for ix, error in got]


def _coords(pairs):
    """The indices of checked (ix, error) pairs, in order."""
    return [ix for ix, _ in pairs]


def _errors(pairs):
    """The errors of checked (ix, error) pairs, as an array."""
    return np.array([error for _, error in pairs])


def _errors_at(ref, f, x, analytic_grad, coords):
    """The relative error the docstring defines at each index in coords, from the reference."""
    numerical = ref.eval_numerical_gradient(f, x.copy())
    return np.array([ref.rel_error(numerical[ix], analytic_grad[ix]) for ix in coords])


# --------------------------------------------------------------------------- eval_numerical_gradient


@pytest.mark.points(2)
def test_eval_anchors(student, ref):
    """eval_numerical_gradient of sum(x^3) and sum(x sin x) at the anchor point"""
    got = student.eval_numerical_gradient(drv.sum_cubes, X_ANCHOR.copy())
    # the centered estimate of the derivative of x^3 is 3 x^2 + h^2
    expect(got, ref.eval_numerical_gradient(drv.sum_cubes, X_ANCHOR.copy()),
           what="eval_numerical_gradient of sum(x^3)", rtol=GRAD_RTOL, atol=GRAD_ATOL)
    got = student.eval_numerical_gradient(drv.sum_x_sin_x, X_ANCHOR.copy())
    # centered differences agree with sin x + x cos x to about 3e-10
    expect(got, ref.eval_numerical_gradient(drv.sum_x_sin_x, X_ANCHOR.copy()),
           what="eval_numerical_gradient of sum(x sin x)", rtol=GRAD_RTOL, atol=GRAD_ATOL)


@pytest.mark.points(2)
def test_eval_shapes_coupled(student, ref):
    """eval_numerical_gradient on 1-D and 3-D arrays, with a function that couples all entries"""
    rng = np.random.default_rng(SEED)
    for shape in [(5,), (2, 3, 4)]:
        x = rng.normal(size=shape)
        got = student.eval_numerical_gradient(drv.log_sum_exp, x.copy())
        # one partial derivative per entry, in the shape of x (for log-sum-exp: the softmax of x)
        expect(got, ref.eval_numerical_gradient(drv.log_sum_exp, x.copy()),
               what=f"eval_numerical_gradient of log(sum(exp(x))) on an array of {len(shape)} dimensions",
               rtol=GRAD_RTOL, atol=GRAD_ATOL)


@pytest.mark.points(1)
def test_eval_step(student, ref):
    """eval_numerical_gradient uses the step h it is given"""
    got = student.eval_numerical_gradient(drv.sum_cubes, X_ANCHOR.copy(), 1e-2)
    # with h = 1e-2 the centered estimate of the derivative of x^3 is 3 x^2 + 1e-4
    expect(got, ref.eval_numerical_gradient(drv.sum_cubes, X_ANCHOR.copy(), 1e-2),
           what="eval_numerical_gradient with h = 1e-2", rtol=GRAD_RTOL, atol=GRAD_ATOL)


@pytest.mark.points(2)
def test_eval_x_restored(student, ref):
    """eval_numerical_gradient gives the right gradient and leaves x unchanged"""
    x = np.random.default_rng(SEED + 1).normal(size=(3, 4))
    call = student.eval_numerical_gradient.call(drv.sum_cubes, x)
    # right values first: a function that ignores x does not earn these points
    expect(call.value, ref.eval_numerical_gradient(drv.sum_cubes, x.copy()),
           what="eval_numerical_gradient of sum(x^3)", rtol=GRAD_RTOL, atol=GRAD_ATOL)
    # every entry is restored exactly to its original value
    expect_unchanged(call.args[1], x, what="eval_numerical_gradient(f, x) must not modify x")


@pytest.mark.points(2)
def test_eval_integer_and_float32(student, ref):
    """eval_numerical_gradient on integer and float32 arrays works in float64"""
    x = np.array([[1, 2, 3], [-2, 0, 4]])
    call = student.eval_numerical_gradient.call(drv.sum_squares, x)
    # an integer x: the gradient of sum(x^2) is 2 x, in float64 (not a truncated step, not an integer array)
    expect(call.value, ref.eval_numerical_gradient(drv.sum_squares, x.copy()),
           what="eval_numerical_gradient of sum(x^2) on an integer array", rtol=GRAD_RTOL, atol=GRAD_ATOL)
    expect_unchanged(call.args[1], x, what="eval_numerical_gradient(f, x) must not modify an integer x")
    x = X_ANCHOR.astype(np.float32)
    call = student.eval_numerical_gradient.call(drv.sum_cubes, x)
    # a float32 x: as accurate as for float64 (in float32 the error grows to about 1e-2)
    expect(call.value, ref.eval_numerical_gradient(drv.sum_cubes, x.copy()),
           what="eval_numerical_gradient of sum(x^3) on a float32 array", rtol=GRAD_RTOL, atol=GRAD_ATOL)
    expect_unchanged(call.args[1], x, what="eval_numerical_gradient(f, x) must not modify a float32 x")


# --------------------------------------------------------------------------- rel_error


@pytest.mark.points(2)
def test_rel_error_numbers(student, ref):
    """rel_error of two numbers, and near zero"""
    # rel_error(1, 1 + 1e-7) = 1e-7 / (2 + 1e-7) = 4.99999975e-8
    agree(student.rel_error, ref.rel_error, 1.0, 1.0 + 1e-7,
           what="rel_error(1, 1 + 1e-7)", rtol=RTOL, atol=0.0)
    # the floor: |0 - 1e-9| / max(1e-8, 1e-9) = 0.1
    agree(student.rel_error, ref.rel_error, 0.0, 1e-9,
           what="rel_error of 0 and 1e-9", rtol=RTOL, atol=0.0)
    # 0 / max(1e-8, 0) = 0, not nan
    expect(student.rel_error(np.zeros(3), np.zeros(3)), 0.0, what="rel_error of two zero arrays", rtol=0.0, atol=0.0)


@pytest.mark.points(3)
def test_rel_error_arrays(student, ref):
    """rel_error of two arrays is the largest relative error over their entries, and leaves them unchanged"""
    rng = np.random.default_rng(SEED + 2)
    x = rng.normal(size=(4, 5))
    y = x + rng.normal(scale=0.3, size=(4, 5))
    floats = student.rel_error.call(x, y)
    # one float for the whole arrays
    expect(floats.value, ref.rel_error(x, y), what="rel_error of two 4x5 arrays", rtol=RTOL, atol=0.0)
    # the maximum, not the mean: one bad entry among many good ones
    z = x.copy()
    z[2, 3] *= 1.5
    agree(student.rel_error, ref.rel_error, x, z, what="rel_error of arrays that differ in one entry",
           rtol=RTOL, atol=0.0)
    # integer arrays give a float (here |-2 - 2| / (|-2| + |2|) = 1: |x| + |y|, not |x + y|)
    a, b = np.array([1, -2, 3, 0]), np.array([1, 2, 4, 0])
    ints = student.rel_error.call(a, b)
    expect(ints.value, ref.rel_error(a.copy(), b.copy()), what="rel_error of integer arrays", rtol=RTOL, atol=0.0)
    # each argument as the submission left it, float64 (the caller's own memory) and integer
    for call, (first, second) in ((floats, (x, y)), (ints, (a, b))):
        expect_each_unchanged(call, "rel_error", x=first, y=second)


# --------------------------------------------------------------------------- grad_check_sparse


@pytest.mark.points(2)
def test_check_exact_gradient(student, ref):
    """grad_check_sparse of an exact gradient: num_checks pairs (ix, error), each error right"""
    analytic = 3 * X_ANCHOR ** 2
    pairs = _pairs(student.grad_check_sparse(drv.sum_cubes, X_ANCHOR.copy(), analytic, 8, H, 11), X_ANCHOR, 8)
    # each error is rel_error(centered difference, analytic_grad[ix]) at the index reported (about 1e-10)
    expect(_errors(pairs), _errors_at(ref, drv.sum_cubes, X_ANCHOR, analytic, _coords(pairs)),
           what="grad_check_sparse errors for an exact gradient", rtol=ERR_RTOL, atol=ERR_ATOL)
    # a 3-D x with the default arguments: 10 checks, each a valid index of x
    x = np.random.default_rng(SEED + 3).normal(size=(3, 4, 2))
    pairs = _pairs(student.grad_check_sparse(drv.sum_cubes, x.copy(), 3 * x ** 2), x, 10)
    expect(_errors(pairs), _errors_at(ref, drv.sum_cubes, x, 3 * x ** 2, _coords(pairs)),
           what="grad_check_sparse errors on a 3-D array", rtol=ERR_RTOL, atol=ERR_ATOL)


@pytest.mark.points(2)
def test_check_wrong_gradient(student, ref):
    """grad_check_sparse of wrong gradients: each reported error is right"""
    rng = np.random.default_rng(SEED + 4)
    x = rng.normal(size=(4, 6))
    analytic = ref.eval_numerical_gradient(drv.log_sum_exp, x.copy()) * rng.uniform(0.5, 1.5, size=x.shape)
    analytic[::2] *= -1  # some analytic entries with the wrong sign
    pairs = _pairs(student.grad_check_sparse(drv.log_sum_exp, x.copy(), analytic, 12, H, 5), x, 12)
    # each error is rel_error(centered difference, analytic_grad[ix]) at the index reported
    expect(_errors(pairs), _errors_at(ref, drv.log_sum_exp, x, analytic, _coords(pairs)),
           what="grad_check_sparse errors for a wrong gradient", rtol=ERR_RTOL, atol=ERR_ATOL)
    # the anchor: twice the gradient of sum(x^3) gives |3x^2 - 6x^2| / 9x^2 = 1/3 at every index
    pairs = _pairs(student.grad_check_sparse(drv.sum_cubes, X_ANCHOR.copy(), 6 * X_ANCHOR ** 2, 4), X_ANCHOR, 4)
    expect(_errors(pairs), np.full(4, 1 / 3),
           what="grad_check_sparse errors for twice the gradient", rtol=ERR_RTOL, atol=ERR_ATOL)


@pytest.mark.points(2)
def test_check_seed(student):
    """grad_check_sparse: the same seed gives the same result, another seed other indices"""
    x = np.random.default_rng(SEED + 5).normal(size=(20, 50))
    runs = [_pairs(student.grad_check_sparse(drv.sum_squares, x, 2 * x, 10, H, seed), x, 10) for seed in (7, 7, 8)]
    # the same seed twice: the same indices in the same order, the same errors
    assert _coords(runs[0]) == _coords(runs[1]), "two calls with the same seed must check the same indices"
    expect_same(_errors(runs[1]), _errors(runs[0]), what="errors of two calls with the same seed")
    # 10 draws among 1000 indices: two seeds drawing the same list is practically impossible
    assert _coords(runs[0]) != _coords(runs[2]), "different seeds must draw different indices"


# The draws themselves: many seeded calls on a 2x3 x (6 indices), 6 checks each. A correct implementation draws
# each index with probability 1/6, independently of the draw before; whatever generator it uses, its counts stay
# within SIGMAS standard deviations of the expected ones except with a probability below 1e-8 per count. The seeds are
# fixed, so the outcome for a given implementation is fixed too.
DRAW_SHAPE, DRAW_CHECKS, DRAW_SEEDS = (2, 3), 6, tuple(range(SEED, SEED + 600))
SIGMAS = 6.0
DISTINCT_RUNS = 540  # of 600 runs of 6 draws among 6 indices (46656 possible lists): about 4 collide


def _draws(student):
    """The indices each seeded call drew, as flat indices of DRAW_SHAPE: an int array of shape (seeds, checks)."""
    answer = student.run(drv.check_draws, DRAW_SHAPE, DRAW_CHECKS, DRAW_SEEDS)
    # the driver answers (draws, None), or (None, the first result of the wrong form)
    assert isinstance(answer, tuple) and len(answer) == 2, "grad_check_sparse must return a list"
    draws, bad = answer
    if draws is None:
        _pairs(bad, np.zeros(DRAW_SHAPE), DRAW_CHECKS)  # fails, saying what is wrong with that result's form
    size, shape = int(np.prod(DRAW_SHAPE)), (len(DRAW_SEEDS), DRAW_CHECKS)
    # num_checks flat indices of x per seed
    ok = isinstance(draws, np.ndarray) and draws.dtype == np.int64 and draws.shape == shape
    assert ok and np.all((draws >= 0) & (draws < size)), "grad_check_sparse must return num_checks pairs (ix, error)"
    return draws


def _within(counts, expected, p):
    """True when every count lies within SIGMAS binomial standard deviations of `expected`."""
    sd = np.sqrt(expected * (1 - p))
    return bool(np.all(np.abs(np.asarray(counts) - expected) <= SIGMAS * sd))


@pytest.mark.points(2)
def test_check_draws_every_index_equally_likely(student):
    """grad_check_sparse draws every index equally often over many seeds, and other seeds draw other indices"""
    draws = _draws(student)
    flat = draws.ravel()
    size = int(np.prod(DRAW_SHAPE))
    counts = np.bincount(flat, minlength=size)
    # every index is drawn, each about len(flat) / 6 times (no index left out, none favoured)
    assert _within(counts, len(flat) / size, 1 / size), "every index of x must be equally likely to be drawn"
    # the draws change with the seed: 600 seeds give (nearly) 600 different lists
    changes_with_seed = len(np.unique(draws, axis=0)) >= DISTINCT_RUNS
    assert changes_with_seed, "different seeds must draw different indices"


@pytest.mark.points(2)
def test_check_draws_independent(student):
    """grad_check_sparse draws independently, in the order drawn: repeats happen, and no draw follows from the last"""
    draws = _draws(student)
    size = int(np.prod(DRAW_SHAPE))
    pairs = (draws[:, :-1] * size + draws[:, 1:]).ravel()  # each consecutive pair (a, b) as one number a * size + b
    counts = np.bincount(pairs, minlength=size * size)
    # every ordered pair of consecutive draws, the same index twice included, about len(pairs) / 36 times
    # (never a repeat: drawn without replacement; only increasing: sorted; i then i + 1: not independent)
    assert _within(counts, len(pairs) / size ** 2, 1 / size ** 2), (
        "draws must be independent and reported in the order drawn")


@pytest.mark.points(1)
def test_check_inputs_unchanged(student, ref):
    """grad_check_sparse gives right errors and leaves x and analytic_grad unchanged"""
    x = np.random.default_rng(SEED + 6).normal(size=(4, 3))
    analytic = 3 * x ** 2
    call = student.grad_check_sparse.call(drv.sum_cubes, x, analytic, 10)
    pairs = _pairs(call.value, x, 10)
    # right errors first: a function that ignores its inputs does not earn this point
    expect(_errors(pairs), _errors_at(ref, drv.sum_cubes, x, analytic, _coords(pairs)),
           what="grad_check_sparse errors", rtol=ERR_RTOL, atol=ERR_ATOL)
    # every checked entry of x is restored exactly
    expect_unchanged(call.args[1], x, what="grad_check_sparse must not modify x")
    expect_unchanged(call.args[2], analytic, what="grad_check_sparse must not modify analytic_grad")


@pytest.mark.points(1)
def test_check_integer_input(student, ref):
    """grad_check_sparse at an integer x"""
    x = np.array([[1, -2, 3], [0, 2, -1]])
    analytic = 2.0 * x
    pairs = _pairs(student.grad_check_sparse(drv.sum_squares, x, analytic, 6, H, 3), x, 6)
    # the differences are taken in float64, so the exact gradient 2 x gives tiny errors
    expect(_errors(pairs), _errors_at(ref, drv.sum_squares, x, analytic, _coords(pairs)),
           what="grad_check_sparse errors at an integer x", rtol=ERR_RTOL, atol=ERR_ATOL)


# --------------------------------------------------------------------------- svm_loss_single

W_ANCHOR = np.array([[0.1, 0.2], [0.3, -0.1], [-0.2, 0.4]])
X_SAMPLE = np.array([1.0, 2.0])
W_TIE = np.array([[1.0, 0.0], [0.0, 0.0], [0.5, 0.0]])
X_TIE = np.array([1.0, 1.0])
SCORES = np.array([13.0, -7.0, 11.0])  # with W = identity, the scores are x itself
W_INT = np.array([[1, 2], [3, -1], [-2, 4], [0, 1]])
X_INT = np.array([1, 2])
RANDOM_CASES = [(5, 4, 3, 1.0), (4, 6, 0, 2.5), (6, 3, 5, 0.3)]  # (C, D, y, delta)


@pytest.mark.points(2)
def test_loss_anchors(student, ref):
    """svm_loss_single at the anchor cases"""
    # scores (13, -7, 11), y = 0, delta = 10: max(0, -7 - 13 + 10) + max(0, 11 - 13 + 10) = 0 + 8
    agree(student.svm_loss_single, ref.svm_loss_single, np.eye(3), SCORES, 0, 10.0,
           what="svm_loss_single with delta = 10", rtol=RTOL, atol=ATOL)
    # s = (0.5, 0.1, 0.6), y = 1: 1.4 + 1.5 = 2.9
    agree(student.svm_loss_single, ref.svm_loss_single, W_ANCHOR, X_SAMPLE, 1,
           what="svm_loss_single on the 3x2 anchor", rtol=RTOL, atol=ATOL)
    # margins 0 and 0.5: a margin of exactly 0 adds nothing
    agree(student.svm_loss_single, ref.svm_loss_single, W_TIE, X_TIE, 0,
           what="svm_loss_single with a zero margin", rtol=RTOL, atol=ATOL)


@pytest.mark.points(3)
def test_loss_random_and_integers(student, ref):
    """svm_loss_single on seeded random cases and on integer inputs"""
    rng = np.random.default_rng(SEED + 8)
    calls = []
    for C, D, y, delta in RANDOM_CASES:
        W, x = rng.normal(size=(C, D)), rng.normal(size=D)
        calls.append((student.svm_loss_single.call(W, x, y, delta), (W, x)))
        # some margins positive, some negative
        expect(calls[-1][0].value, ref.svm_loss_single(W, x, y, delta),
               what=f"svm_loss_single with C = {C}, D = {D}", rtol=RTOL, atol=ATOL)
    calls.append((student.svm_loss_single.call(W_INT, X_INT, 1, 1), (W_INT, X_INT)))
    # integer scores, a float loss
    expect(calls[-1][0].value, ref.svm_loss_single(W_INT.copy(), X_INT.copy(), 1, 1),
           what="svm_loss_single on integer W and x", rtol=RTOL, atol=ATOL)
    # W and x, float and integer, each as the submission left it
    for call, (weights, sample) in calls:
        expect_each_unchanged(call, "svm_loss_single", W=weights, x=sample)


# --------------------------------------------------------------------------- svm_grad_single


@pytest.mark.points(2)
def test_grad_anchors(student, ref):
    """svm_grad_single at the anchor cases"""
    # both other margins are positive: dW = [[1, 2], [-2, -4], [1, 2]]
    agree(student.svm_grad_single, ref.svm_grad_single, W_ANCHOR, X_SAMPLE, 1,
           what="svm_grad_single on the 3x2 anchor", rtol=RTOL, atol=ATOL)
    # scores (13, -7, 11), y = 0, delta = 10: only class 2 has a positive margin (8)
    agree(student.svm_grad_single, ref.svm_grad_single, np.eye(3), SCORES, 0, 10.0,
           what="svm_grad_single with delta = 10", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_grad_zero_margin(student, ref):
    """svm_grad_single with a margin of exactly 0"""
    # margins 0 and 0.5: only class 2 counts, so dW[0] = -x, dW[1] = 0, dW[2] = x
    agree(student.svm_grad_single, ref.svm_grad_single, W_TIE, X_TIE, 0,
           what="svm_grad_single with a zero margin", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_grad_random(student, ref):
    """svm_grad_single on seeded random cases"""
    rng = np.random.default_rng(SEED + 9)
    for C, D, y, delta in RANDOM_CASES:
        W, x = rng.normal(size=(C, D)), rng.normal(size=D)
        # rows x for the classes with a positive margin, minus their count times x in row y
        agree(student.svm_grad_single, ref.svm_grad_single, W, x, y, delta,
               what=f"svm_grad_single with C = {C}, D = {D}", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_grad_integers(student, ref):
    """svm_grad_single on integer inputs: a float64 gradient; float and integer inputs not modified"""
    ints = student.svm_grad_single.call(W_INT, X_INT, 1, 1)
    # a float64 array of shape (C, D)
    expect(ints.value, ref.svm_grad_single(W_INT.copy(), X_INT.copy(), 1, 1),
           what="svm_grad_single on integer W and x", rtol=RTOL, atol=ATOL)
    W, x = W_INT * 0.75, X_INT * -1.25  # float64: the caller's own memory if the submission writes into it
    floats = student.svm_grad_single.call(W, x, 1, 1)
    # one margin positive, two negative
    expect(floats.value, ref.svm_grad_single(W, x, 1, 1), what="svm_grad_single on float W and x",
           rtol=RTOL, atol=ATOL)
    # W and x, integer and float, each as the submission left it
    for call, (weights, sample) in ((ints, (W_INT, X_INT)), (floats, (W, x))):
        expect_each_unchanged(call, "svm_grad_single", W=weights, x=sample)
