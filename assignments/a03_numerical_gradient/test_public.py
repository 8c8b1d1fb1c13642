"""Public tests for a03_numerical_gradient. Run them with `pytest assignments/a03_numerical_gradient` or `make grade`.

Expected values come from shared reference values (f = sum(x^3) at a fixed point, rel_error(1, 1 + 1e-7),
the multiclass SVM loss of one sample).
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_unchanged
from autograder.drivers import a03_numerical_gradient as drv

GRAD_RTOL = 1e-7  # a centered difference is accurate to about 1e-10 here; a forward one only to about 1e-5
RTOL = 1e-9  # exact values, up to rounding
X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.5]])


@pytest.mark.points(1)
def test_eval_numerical_gradient_sum_cubes(student):
    """eval_numerical_gradient of sum(x^3) is 3 x^2 + h^2, and x is restored"""
    call = student.eval_numerical_gradient.call(drv.sum_cubes, X)
    # for x^3 the centered difference is exactly 3 x^2 + h^2 (up to rounding), with h = 1e-5
    expect(call.value, 3 * X ** 2 + 1e-10, what="eval_numerical_gradient of sum(x^3)", inputs={"x": X}, rtol=GRAD_RTOL)
    # x holds its original values after the call
    expect_unchanged(call.args[1], X, what="eval_numerical_gradient(f, x) must not modify x")


@pytest.mark.points(1)
def test_eval_numerical_gradient_integers(student):
    """eval_numerical_gradient of sum(x^2) at an integer x is 2 x"""
    x = np.array([1, 2, 3])
    # a float64 result; working in the integer dtype gives [49999, 150000, 249999]
    expect(student.eval_numerical_gradient(drv.sum_squares, x), np.array([2.0, 4.0, 6.0]),
           what="eval_numerical_gradient of sum(x^2) at an integer x", inputs={"x": x}, rtol=GRAD_RTOL)


@pytest.mark.points(1)
def test_rel_error(student):
    """rel_error(1, 1 + 1e-7) = 4.99999975e-8 and rel_error(0, 0) = 0"""
    # 1e-7 / (1 + 1 + 1e-7)
    expect(student.rel_error(1.0, 1.0 + 1e-7), 4.99999975e-8, what="rel_error(1, 1 + 1e-7)",
           inputs={"x": 1.0, "y": 1.0 + 1e-7}, rtol=RTOL)
    # the floor 1e-8 turns 0 / 0 into 0
    expect(student.rel_error(0.0, 0.0), 0.0, what="rel_error(0, 0)", inputs={"x": 0.0, "y": 0.0}, atol=0.0)


@pytest.mark.points(1)
def test_rel_error_arrays(student):
    """rel_error of two arrays is the largest entry's relative error, a float"""
    x, y = np.array([[1.0, 2.0], [0.0, -4.0]]), np.array([[1.1, 2.0], [0.0, -2.0]])
    # entry by entry 0.1 / 2.1, 0, 0 (the floor), 2 / 6: the maximum over all entries, not the mean nor the array;
    # numpy operations work for numbers and arrays alike, Python's abs and max for numbers only
    expect(student.rel_error(x, y), 1 / 3, what="rel_error of two 2 x 2 arrays", inputs={"x": x, "y": y}, rtol=RTOL)


@pytest.mark.points(1)
def test_grad_check_sparse(student):
    """grad_check_sparse of twice the gradient of sum(x^3) reports an error of 1/3 at each index"""
    got = student.grad_check_sparse(drv.sum_cubes, X.copy(), 6 * X ** 2, 5)
    # a list of 5 pairs (ix, error), ix a tuple of 2 ints
    assert isinstance(got, (list, tuple)) and len(got) == 5, "grad_check_sparse must return a list of num_checks pairs"
    for pair in got:
        assert isinstance(pair, (list, tuple)) and len(pair) == 2, "each check must be a pair (ix, error)"
        ix, error = pair
        assert isinstance(ix, (list, tuple)) and len(ix) == 2, "each ix must be a tuple of x.ndim ints"
        # |3x^2 - 6x^2| / (3x^2 + 6x^2) = 1/3 wherever ix is
        expect(error, 1 / 3, what="the error of twice the gradient", inputs={"x": X, "ix": ix}, rtol=1e-6)


@pytest.mark.points(1)
def test_grad_check_sparse_seed(student):
    """grad_check_sparse: the same seed draws the same indices, another seed other ones"""
    drawn = []
    for seed in (3, 3, 4):
        got = student.grad_check_sparse(drv.sum_cubes, X.copy(), 3 * X ** 2, 10, seed=seed)
        assert isinstance(got, (list, tuple)) and all(
            isinstance(pair, (list, tuple)) and len(pair) == 2 and isinstance(pair[0], (list, tuple)) for pair in got
        ), "grad_check_sparse must return a list of num_checks pairs (ix, error), ix a tuple of ints"
        drawn.append([tuple(ix) for ix, _ in got])
    # a generator made from seed alone (not the global np.random state): one seed, one list of indices
    expect(drawn[1], drawn[0], what="the indices drawn by two calls with seed 3", inputs={"x": X, "num_checks": 10})
    # and the draws change with the seed
    expect(drawn[2] != drawn[0], True, what="the indices drawn with seed 4 differ from those drawn with seed 3",
           inputs={"x": X, "num_checks": 10})


@pytest.mark.points(1)
def test_svm_loss_single(student):
    """svm_loss_single at the anchor cases"""
    W, x = np.array([[0.1, 0.2], [0.3, -0.1], [-0.2, 0.4]]), np.array([1.0, 2.0])
    # scores (0.5, 0.1, 0.6), y = 1: margins 1.4 and 1.5
    expect(student.svm_loss_single(W, x, 1), 2.9, what="svm_loss_single on a 3x2 W",
           inputs={"W": W, "x": x, "y": 1}, rtol=RTOL)
    # with W the identity, the scores are x: (13, -7, 11), y = 0, delta = 10 gives 0 + 8
    s = np.array([13.0, -7.0, 11.0])
    expect(student.svm_loss_single(np.eye(3), s, 0, 10.0), 8.0, what="svm_loss_single with delta = 10",
           inputs={"W": np.eye(3), "x": s, "y": 0, "delta": 10.0}, rtol=RTOL)


@pytest.mark.points(1)
def test_svm_grad_single(student):
    """svm_grad_single at the anchor cases, including a margin of exactly 0"""
    W, x = np.array([[0.1, 0.2], [0.3, -0.1], [-0.2, 0.4]]), np.array([1.0, 2.0])
    # both other margins are positive
    expect(student.svm_grad_single(W, x, 1), np.array([[1.0, 2.0], [-2.0, -4.0], [1.0, 2.0]]),
           what="svm_grad_single on a 3x2 W", inputs={"W": W, "x": x, "y": 1}, rtol=RTOL)
    W, x = np.array([[1.0, 0.0], [0.0, 0.0], [0.5, 0.0]]), np.array([1.0, 1.0])
    # margins 0 and 0.5: a margin of exactly 0 does not count
    expect(student.svm_grad_single(W, x, 0), np.array([[-1.0, -1.0], [0.0, 0.0], [1.0, 1.0]]),
           what="svm_grad_single with a zero margin", inputs={"W": W, "x": x, "y": 0}, rtol=RTOL)
