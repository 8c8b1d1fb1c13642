"""Public tests for a04_linear_regression. Run them with `pytest assignments/a04_linear_regression` or `make grade`.

Expected values come from shared reference values: the running example of the handout, xs = [1, 2, 3] and
ys = [2, 4, 6] (exactly y = 2x).
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_each_unchanged

RTOL = 1e-9   # the expected values below are exact or given to 16 significant digits
ATOL = 1e-12  # for the costs near zero at the end of training
RTOL_SHOWN = 1e-6  # for the costs printed in the handout with 7 significant digits


def running_example():
    return np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 6.0])


@pytest.mark.points(1)
def test_forward(student):
    """forward(w, x) = w * x for a float and for an array, which it leaves unchanged"""
    xs, _ = running_example()
    # a float in, a float out
    expect(student.forward(2.0, 4.0), 8.0, what="forward(2.0, 4.0)", inputs={"w": 2.0, "x": 4.0}, rtol=RTOL)
    # an array in, a new array of the same shape out (x *= w would change the caller's data)
    call = student.forward.call(2.0, xs)
    expect(call.value, np.array([2.0, 4.0, 6.0]), what="forward(2.0, xs)", inputs={"w": 2.0, "x": xs}, rtol=RTOL)
    expect_each_unchanged(call, "forward", w=2.0, x=xs)


@pytest.mark.points(1)
def test_cost_at_one(student):
    """cost(1.0, xs, ys) = (1 + 4 + 9) / 3 on the running example"""
    xs, ys = running_example()
    # residuals -1, -2, -3: the mean of their squares
    expect(student.cost(1.0, xs, ys), 14 / 3, what="cost at w = 1", inputs={"w": 1.0, "xs": xs, "ys": ys}, rtol=RTOL)


@pytest.mark.points(1)
def test_gradient_at_one(student):
    """gradient(1.0, xs, ys) = -28/3 on the running example"""
    xs, ys = running_example()
    # (2/3) * ((-1)(1) + (-2)(2) + (-3)(3)), with the factor 2
    expect(student.gradient(1.0, xs, ys), -28 / 3, what="gradient at w = 1", inputs={"w": 1.0, "xs": xs, "ys": ys},
           rtol=RTOL)


@pytest.mark.points(1)
def test_train_gd_defaults(student):
    """train_gd(xs, ys) with the defaults w0=1.0, lr=0.01, epochs=100"""
    xs, ys = running_example()
    got = student.train_gd(xs, ys)
    assert isinstance(got, tuple) and len(got) == 2, f"train_gd must return a tuple (w, costs), got {got!r:.200}"
    w, costs = got
    # the weight after 100 updates: 2 - 0.906667^100
    expect(w, 1.9999444396553017, what="the final w", inputs={"xs": xs, "ys": ys}, rtol=RTOL)
    assert isinstance(costs, np.ndarray), f"costs must be a numpy array of shape (100,), got {costs!r:.200}"
    expect(costs.shape, (100,), what="costs.shape, one cost per update", inputs={"xs": xs, "ys": ys})
    # one cost per update, each taken before its update
    expect(costs[:3], np.array([4.666667, 3.836207, 3.153533]), what="costs[:3], the first three logged costs",
           inputs={"xs": xs, "ys": ys}, rtol=RTOL_SHOWN)
    expect(costs[-1:], np.array([1.752432687141379e-08]), what="costs[-1:], the last logged cost (before update 99)",
           inputs={"xs": xs, "ys": ys}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_gradient_wb(student):
    """gradient_wb at (w, b) = (1, 0) and (0.5, 1) on the running example, which it leaves unchanged"""
    xs, ys = running_example()
    # the tuple (dC/dw, dC/db) for C = mean((w x + b - y)^2)
    expect(student.gradient_wb(1.0, 0.0, xs, ys), (-28 / 3, -4.0), what="gradient_wb at (1, 0)",
           inputs={"w": 1.0, "b": 0.0, "xs": xs, "ys": ys}, rtol=RTOL)
    call = student.gradient_wb.call(0.5, 1.0, xs, ys)
    expect(call.value, (-10.0, -4.0), what="gradient_wb at (0.5, 1)", inputs={"w": 0.5, "b": 1.0, "xs": xs, "ys": ys},
           rtol=RTOL)
    # the residual w x + b - y is a new array: the caller's data stay as they were
    expect_each_unchanged(call, "gradient_wb", w=0.5, b=1.0, xs=xs, ys=ys)


@pytest.mark.points(1)
def test_integer_data_left_unchanged(student):
    """cost, gradient and gradient_wb on integer xs and ys, which they leave unchanged"""
    xs, ys = np.array([1, 2, 3]), np.array([2, 4, 6])
    inputs = {"xs": xs, "ys": ys}
    # the running example with integer arrays: the same values as with floats
    cost, gradient = student.cost.call(1.0, xs, ys), student.gradient.call(1.0, xs, ys)
    wb = student.gradient_wb.call(0.5, 1.0, xs, ys)
    expect(cost.value, 14 / 3, what="cost at w = 1 on integer data", inputs={"w": 1.0, **inputs}, rtol=RTOL)
    expect(gradient.value, -28 / 3, what="gradient at w = 1 on integer data", inputs={"w": 1.0, **inputs}, rtol=RTOL)
    expect(wb.value, (-10.0, -4.0), what="gradient_wb at (0.5, 1) on integer data",
           inputs={"w": 0.5, "b": 1.0, **inputs}, rtol=RTOL)
    # new arrays, never changes in place: the caller's data stay as they were
    for name, call in (("cost", cost), ("gradient", gradient)):
        expect_each_unchanged(call, name, w=1.0, xs=xs, ys=ys)
    expect_each_unchanged(wb, "gradient_wb", w=0.5, b=1.0, xs=xs, ys=ys)
