"""Public tests for a02_gradient_descent. Run them with `pytest assignments/a02_gradient_descent` or `make grade`.

Expected values come from the handout: the bowl J = theta_1^2 + theta_2^2 from (3, -4), and the closed form
theta_k = (1 - 2 lr)^k theta_0. `drv.bowl_gradient` is the bowl's gradient 2 theta, written for the grader.
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_unchanged
from autograder.drivers import a02_gradient_descent as drv

RTOL = 1e-9  # the anchor values below are exact or given to 10 significant digits
ATOL = 1e-12


@pytest.mark.points(1)
def test_bowl_at_three_minus_four(student):
    """bowl((3, -4)) = 9 + 16 = 25, a float also when theta holds integers"""
    theta = np.array([3.0, -4.0])
    # a Python float
    expect(student.bowl(theta), 25.0, what="bowl at (3, -4)", inputs={"theta": theta}, rtol=RTOL)
    theta = np.array([3, -4])
    # integers in, still a Python float out (not a numpy integer)
    expect(student.bowl(theta), 25.0, what="bowl at the integer point (3, -4)", inputs={"theta": theta}, rtol=RTOL)


@pytest.mark.points(1)
def test_bowl_grad_at_three_minus_four(student):
    """bowl_grad((3, -4)) = (6, -8)"""
    theta = np.array([3.0, -4.0])
    # a float array of shape (2,)
    expect(student.bowl_grad(theta), np.array([6.0, -8.0]), what="bowl_grad at (3, -4)", inputs={"theta": theta},
           rtol=RTOL)


@pytest.mark.points(1)
def test_descent_three_steps(student):
    """gradient_descent on the bowl from (3, -4) with lr 0.1: the first rows of the handout's table, theta0 unchanged"""
    theta0 = np.array([3.0, -4.0])
    # drv.bowl_gradient(theta) = 2 theta, the gradient of the bowl (like your bowl_grad)
    call = student.gradient_descent.call(drv.bowl_gradient, theta0, 0.1, 3)
    # 4 rows: theta0, then each step multiplies theta by 1 - 2 * 0.1 = 0.8
    want = np.array([[3.0, -4.0], [2.4, -3.2], [1.92, -2.56], [1.536, -2.048]])
    expect(call.value, want, what="gradient_descent on the bowl with lr 0.1", inputs={"theta0": theta0, "lr": 0.1, "n_steps": 3},
           rtol=RTOL, atol=ATOL)
    # theta = theta0 does not copy: updating theta in place would change the caller's theta0
    expect_unchanged(call.args[1], theta0, what="gradient_descent must not modify theta0")


@pytest.mark.points(1)
def test_descent_from_an_integer_start(student):
    """gradient_descent from the integer point (3, -4): float steps, and theta0 left unchanged"""
    theta0 = np.array([3, -4])
    call = student.gradient_descent.call(drv.bowl_gradient, theta0, 0.1, 2)
    # work on a float copy of theta0: theta = theta0 does not copy, and an integer array cannot hold 2.4
    expect(call.value, np.array([[3.0, -4.0], [2.4, -3.2], [1.92, -2.56]]), what="gradient_descent from an integer theta0",
           inputs={"theta0": theta0, "lr": 0.1, "n_steps": 2}, rtol=RTOL, atol=ATOL)
    expect_unchanged(call.args[1], theta0, what="gradient_descent must not modify theta0")


@pytest.mark.points(1)
def test_descent_learning_rates(student):
    """gradient_descent on x^2 from x0 = 10: lr 0.2 converges, lr 1 oscillates, lr 1.1 diverges"""
    # row k is (1 - 2 lr)^k * 10: the factor is 0.6, -1 and -1.2
    for lr, want in [(0.2, [[10.0], [6.0], [3.6], [2.16]]),
                     (1.0, [[10.0], [-10.0], [10.0], [-10.0]]),
                     (1.1, [[10.0], [-12.0], [14.4], [-17.28]])]:
        x0 = np.array([10.0])
        got = student.gradient_descent(drv.bowl_gradient, x0, lr, 3)
        # an array of shape (4, 1): one row per point, one column per parameter
        expect(got, np.array(want), what=f"gradient_descent on x^2 with lr {lr}",
               inputs={"theta0": x0, "lr": lr, "n_steps": 3}, rtol=RTOL, atol=ATOL)
