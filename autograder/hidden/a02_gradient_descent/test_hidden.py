"""Hidden tests for a02_gradient_descent, graded against solutions/a02_gradient_descent/descent.py.

gradient_descent always gets a gradient probe from the drivers, never the submitted bowl_grad, so a broken
bowl_grad costs only its own points.
"""

import functools

import numpy as np
import pytest

from autograder.checks import agree, expect, expect_unchanged
from autograder.drivers import a02_gradient_descent as drv

SEED = 202
RTOL = 1e-9   # the same arithmetic, perhaps summed in another order: a few ulps apart at most
ATOL = 1e-12  # for coordinates that are (nearly) zero, as after a step with lr = 0.5

# Anchors from docs/reference-values.md: J(t1, t2) = t1^2 + t2^2 from (3, -4), and f(x) = x^2 from x0 = 10.
THETA_ANCHOR = np.array([3.0, -4.0])
ANCHOR_LR, ANCHOR_STEPS = 0.1, 10              # ends at (0.3221225472, -0.4294967296), J = 0.2882303762
X0_1D, LRS_1D, STEPS_1D = np.array([10.0]), (0.05, 0.2, 1.1), 10   # ends at 3.486784, 0.060466, 61.917364


def points(seed, dims=(1, 3, 7, 50)):
    """Seeded points of several dimensions, with entries in [-5, 5]."""
    rng = np.random.default_rng(seed)
    return [rng.uniform(-5.0, 5.0, d) for d in dims]


def is_python_float(value):
    """bowl promises a Python float; numpy's float64 is one, an integer or a 0-d array is not."""
    return isinstance(value, float)


# --------------------------------------------------------------------------- bowl


@pytest.mark.points(1)
def test_bowl_anchor(student, ref):
    """bowl at the anchor points"""
    for theta in [THETA_ANCHOR, np.array([0.3221225472, -0.4294967296])]:
        # J(3, -4) = 25; J at the end of the anchor run = 0.2882303762
        expect(student.bowl(theta.copy()), ref.bowl(theta), what="bowl at an anchor point", rtol=RTOL)


@pytest.mark.points(2)
def test_bowl_dimensions(student, ref):
    """bowl sums the squares of all entries, in any dimension"""
    for theta in points(SEED):
        # one number for a vector of length 1, 3, 7 or 50
        expect(student.bowl(theta.copy()), ref.bowl(theta), what="bowl on vectors of several lengths", rtol=RTOL)
    # J = 0 only at the origin
    agree(student.bowl, ref.bowl, np.zeros(4), what="bowl at the origin", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_bowl_integer_input(student, ref):
    """bowl of an integer array is a float"""
    theta = np.array([3, -4, 0, 2])
    got = student.bowl(theta)
    # the docstring promises a Python float, also for integer entries
    assert is_python_float(got), "bowl must return a float for an integer array"
    expect(got, ref.bowl(theta), what="bowl on an integer array", rtol=RTOL)


@pytest.mark.points(1)
def test_bowl_input_not_modified(student, ref):
    """bowl gives the right value and leaves theta unchanged"""
    for theta in points(SEED + 1, dims=(3,)) + [np.array([3, -4])]:
        call = student.bowl.call(theta)
        # right values first: a function that ignores theta does not earn this point
        expect(call.value, ref.bowl(theta.copy()), what="bowl on a vector", rtol=RTOL, atol=ATOL)
        # its argument as the submission left it: an in-place change shows here
        expect_unchanged(call.args, (theta,), what="bowl must not modify theta")


# --------------------------------------------------------------------------- bowl_grad


@pytest.mark.points(1)
def test_bowl_grad_anchor(student, ref):
    """bowl_grad at the anchor point"""
    # the gradient at (3, -4) is (6, -8)
    expect(student.bowl_grad(THETA_ANCHOR.copy()), ref.bowl_grad(THETA_ANCHOR), what="bowl_grad at the anchor point",
           rtol=RTOL)


@pytest.mark.points(2)
def test_bowl_grad_dimensions(student, ref):
    """bowl_grad is 2 theta, in any dimension"""
    for theta in points(SEED + 2):
        # an array of the same shape (D,) as theta
        expect(student.bowl_grad(theta.copy()), ref.bowl_grad(theta), what="bowl_grad on vectors of several lengths",
               rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_bowl_grad_integer_input(student, ref):
    """bowl_grad of an integer array is a float array"""
    theta = np.array([3, -4, 0, 2])
    # integers in, floats out
    agree(student.bowl_grad, ref.bowl_grad, theta, what="bowl_grad on an integer array", rtol=RTOL)


@pytest.mark.points(1)
def test_bowl_grad_input_not_modified(student, ref):
    """bowl_grad gives the right gradient and leaves theta unchanged"""
    for theta in points(SEED + 3, dims=(3,)) + [np.array([3, -4])]:
        call = student.bowl_grad.call(theta)
        # right values first: a function that ignores theta does not earn this point
        expect(call.value, ref.bowl_grad(theta.copy()), what="bowl_grad on a vector", rtol=RTOL, atol=ATOL)
        # its argument as the submission left it: an in-place change shows here
        expect_unchanged(call.args, (theta,), what="bowl_grad must not modify theta")


# --------------------------------------------------------------------------- gradient_descent


@pytest.mark.points(2)
def test_descent_anchor(student, ref):
    """gradient_descent on the bowl at the anchor point"""
    got = student.gradient_descent(drv.bowl_gradient, THETA_ANCHOR.copy(), ANCHOR_LR, ANCHOR_STEPS)
    # 11 rows: theta0, then theta_k = 0.8^k theta0
    expect(got, ref.gradient_descent(drv.bowl_gradient, THETA_ANCHOR.copy(), ANCHOR_LR, ANCHOR_STEPS),
           what="gradient_descent trajectory on the bowl", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_descent_learning_rates(student, ref):
    """gradient_descent converges, oscillates or diverges as the learning rate grows"""
    # f(x) = x^2 from x0 = 10: slow convergence, fast convergence, divergence
    for lr in LRS_1D:
        agree(student.gradient_descent, ref.gradient_descent, drv.bowl_gradient, X0_1D.copy(), lr, STEPS_1D,
               what="gradient_descent on x^2 in one dimension", rtol=RTOL, atol=ATOL)
    # lr 0.5 lands on the minimum, 0.75 zig-zags towards it, 1 jumps between theta0 and -theta0 (lr an int)
    for lr in (0.5, 0.75, 1):
        agree(student.gradient_descent, ref.gradient_descent, drv.bowl_gradient, THETA_ANCHOR.copy(), lr, 4,
               what="gradient_descent on the bowl with large learning rates", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_descent_other_costs(student, ref):
    """gradient_descent follows any gradient function, in any dimension"""
    rng = np.random.default_rng(SEED + 4)
    scales = rng.uniform(0.5, 2.0, 5)
    theta0 = rng.uniform(-3.0, 3.0, 5)
    grad = functools.partial(drv.scaled_bowl_gradient, scales.tolist())
    # J = sum(scales * theta^2): each coordinate shrinks at its own rate
    agree(student.gradient_descent, ref.gradient_descent, grad, theta0.copy(), 0.3, 12,
           what="gradient_descent on a scaled bowl", rtol=RTOL, atol=ATOL)
    theta0 = rng.uniform(-1.5, 1.5, 3)
    # J = sum(theta^4) / 4: the gradient theta^3 must be taken at the current point, every step
    agree(student.gradient_descent, ref.gradient_descent, drv.quartic_gradient, theta0.copy(), 0.2, 15,
           what="gradient_descent with a gradient that is not linear", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_descent_shapes(student, ref):
    """gradient_descent returns n_steps + 1 rows starting with theta0, also for 0 steps"""
    for n_steps, theta0 in [(0, np.array([1.5, -2.0, 0.5])), (1, np.array([2.5])), (3, np.array([-1.0, 4.0]))]:
        # shape (n_steps + 1, D), float, row 0 = theta0
        agree(student.gradient_descent, ref.gradient_descent, drv.bowl_gradient, theta0.copy(), 0.2, n_steps,
               what="gradient_descent with very few steps", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_descent_integer_start(student, ref):
    """gradient_descent from an integer theta0 returns a float trajectory"""
    theta0 = np.array([3, -4])
    # integers in, floats out: the steps must not be rounded
    expect(student.gradient_descent(drv.bowl_gradient, theta0, 0.1, 5),
           ref.gradient_descent(drv.bowl_gradient, np.array([3, -4]), 0.1, 5),
           what="gradient_descent from an integer theta0", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_descent_theta0_not_modified(student, ref):
    """gradient_descent gives the right trajectory and leaves theta0 unchanged"""
    theta0 = np.random.default_rng(SEED + 5).uniform(-3.0, 3.0, 4)
    call = student.gradient_descent.call(drv.bowl_gradient, theta0, 0.1, 5)
    # right values first: a function that ignores theta0 does not earn this point
    expect(call.value, ref.gradient_descent(drv.bowl_gradient, theta0.copy(), 0.1, 5), what="gradient_descent trajectory",
           rtol=RTOL, atol=ATOL)
    # its arguments as the submission left them: in-place updates of theta0 show here
    expect_unchanged(call.args[1], theta0, what="gradient_descent must not modify theta0")
