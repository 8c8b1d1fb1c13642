"""Public tests for a01_gradients. Run them with `pytest assignments/a01_gradients` or `make grade`.

Expected values come from shared reference values (z = sin(x² + y²) and its gradient at fixed points); the
gradient_field test reuses them: the gradient at (1, -1) and (0.5, 1) is the one at (1, 1) and (0.5, -1) with the
sign of dz/dy flipped, since dz/dy = 2y·cos(x² + y²).
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_each_unchanged

RTOL = 1e-9  # the expected values below are given to 10 significant digits


@pytest.mark.points(1)
def test_fun_z_at_one_one(student):
    """fun_z(1, 1) = sin(2)"""
    # z at (1, 1) is sin(2)
    expect(student.fun_z(1.0, 1.0), 0.9092974268, what="fun_z at (1, 1)", inputs={"x": 1.0, "y": 1.0}, rtol=RTOL)


@pytest.mark.points(1)
def test_fun_z_on_a_grid(student):
    """fun_z works on numpy arrays that broadcast: a column of x against a row of y"""
    x, y = np.array([[1.0], [0.5]]), np.array([[1.0, -1.0]])
    # shape (2, 1) against (1, 2) gives the 2 x 2 grid; math.sin takes one number only: use np.sin
    call = student.fun_z.call(x, y)
    expect(call.value, np.array([[0.9092974268, 0.9092974268], [0.9489846194, 0.9489846194]]),
           what="fun_z on a column of x against a row of y", inputs={"x": x, "y": y}, rtol=RTOL)
    # your inputs are the caller's: no in-place changes
    expect_each_unchanged(call, "fun_z", x=x, y=y)


@pytest.mark.points(1)
def test_fun_dz_at_half_minus_one(student):
    """fun_dz(0.5, -1) returns (dz/dx, dz/dy) in that order"""
    # at (0.5, -1) the two partial derivatives differ, so swapped outputs show
    expect(student.fun_dz(0.5, -1.0), (0.3153223624, -0.6306447248), what="fun_dz at (0.5, -1)",
           inputs={"x": 0.5, "y": -1.0}, rtol=RTOL)


@pytest.mark.points(1)
def test_fun_dz_on_arrays(student):
    """fun_dz works elementwise on arrays, and leaves them unchanged"""
    x, y = np.array([1.0, 0.5]), np.array([1.0, -1.0])
    # the two anchor points at once, as arrays of shape (2,)
    call = student.fun_dz.call(x, y)
    expect(call.value, (np.array([-0.8322936731, 0.3153223624]), np.array([-0.8322936731, -0.6306447248])),
           what="fun_dz on arrays of shape (2,)", inputs={"x": x, "y": y}, rtol=RTOL)
    expect_each_unchanged(call, "fun_dz", x=x, y=y)


@pytest.mark.points(1)
def test_gradient_field_on_a_small_grid(student):
    """gradient_field(xs, ys) on a 2x2 grid: positions and arrows, ys left as given"""
    xs, ys = np.array([0.5, 1.0]), np.array([1.0, -1.0])
    # one row per y, in the order of ys, one column per x, as np.meshgrid(xs, ys); the arrows are fun_dz there
    call = student.gradient_field.call(xs, ys)
    expect(call.value,
           (np.array([[0.5, 1.0], [0.5, 1.0]]), np.array([[1.0, 1.0], [-1.0, -1.0]]),
            np.array([[0.3153223624, -0.8322936731], [0.3153223624, -0.8322936731]]),
            np.array([[0.6306447248, -0.8322936731], [-0.6306447248, 0.8322936731]])),
           what="gradient_field on xs = [0.5, 1], ys = [1, -1]", inputs={"xs": xs, "ys": ys}, rtol=RTOL)
    expect_each_unchanged(call, "gradient_field", xs=xs, ys=ys)


@pytest.mark.points(1)
def test_gradient_field_default_grid(student):
    """gradient_field() with no arguments: the 11 x 11 grid from -2.5 to 2.5"""
    got = student.gradient_field()
    expect(isinstance(got, tuple) and len(got) == 4, True, what="gradient_field() returns a tuple (X, Y, U, V)")
    grid = np.array([-2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
    # 11 points in each direction, both ends included (np.arange(-2.5, 2.5, 0.5) stops at 2.0)
    expect(got[0], np.tile(grid, (11, 1)), what="X of the default grid, one row per y", rtol=RTOL)
    expect(got[1], np.tile(grid, (11, 1)).T, what="Y of the default grid, one row per y", rtol=RTOL)
    expect((np.shape(got[2]), np.shape(got[3])), ((11, 11), (11, 11)), what="the shapes of U and V")
