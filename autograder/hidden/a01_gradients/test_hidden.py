"""Hidden tests for a01_gradients, graded against solutions/a01_gradients/gradients.py."""

import numpy as np
import pytest

from autograder.checks import agree, expect, expect_each_unchanged, parts

SEED = 20261121
RTOL = 1e-9   # same formula, different order of operations: a few ulps apart at most
ATOL = 1e-12  # for values that are (nearly) zero
ANCHORS = [(1.0, 1.0), (0.5, -1.0)]
FIELD_SHAPE = (5, 3)  # len(xs) != len(ys), so a grid laid out the wrong way round has the wrong shape


def grid(seed=SEED, shape=(3, 4)):
    """Seeded points in [-2.5, 2.5]², where sin(x² + y²) changes sign several times."""
    rng = np.random.default_rng(seed)
    return rng.uniform(-2.5, 2.5, shape), rng.uniform(-2.5, 2.5, shape)


@pytest.mark.points(2)
def test_fun_z_anchors(student, ref):
    """fun_z matches sin(x² + y²) at the anchor points"""
    for x, y in ANCHORS:
        # a float in, a number out
        agree(student.fun_z, ref.fun_z, x, y, what="fun_z at an anchor point", rtol=RTOL)


@pytest.mark.points(2)
def test_fun_z_arrays(student, ref):
    """fun_z works elementwise on arrays and broadcasts"""
    x, y = grid()
    # same shape in and out
    agree(student.fun_z, ref.fun_z, x, y, what="fun_z on a 3x4 grid", rtol=RTOL, atol=ATOL)
    # a column against a row gives a full grid
    agree(student.fun_z, ref.fun_z, x[:, :1], y[:1, :],
           what="fun_z broadcasting (3, 1) with (1, 4)", rtol=RTOL, atol=ATOL)
    # one float and one array, either way round: an array, not a float decided by x alone
    agree(student.fun_z, ref.fun_z, x[0], 0.75, what="fun_z with an array x and a float y", rtol=RTOL, atol=ATOL)
    agree(student.fun_z, ref.fun_z, -0.75, y[0], what="fun_z with a float x and an array y", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_fun_dz_anchors(student, ref):
    """fun_dz returns (dz/dx, dz/dy) at the anchor points"""
    for x, y in ANCHORS:
        # (0.5, -1) tells dz/dx from dz/dy
        agree(student.fun_dz, ref.fun_dz, x, y, what="fun_dz at an anchor point", rtol=RTOL)


@pytest.mark.points(3)
def test_fun_dz_arrays(student, ref):
    """fun_dz works elementwise on arrays and broadcasts"""
    x, y = grid(SEED + 1)
    # a tuple of two arrays of the input shape
    agree(student.fun_dz, ref.fun_dz, x, y, what="fun_dz on a 3x4 grid", rtol=RTOL, atol=ATOL)
    # a column against a row: both partial derivatives have the broadcast shape
    agree(student.fun_dz, ref.fun_dz, x[:, :1], y[:1, :],
           what="fun_dz broadcasting (3, 1) with (1, 4)", rtol=RTOL, atol=ATOL)
    # an array against a float, either way round
    agree(student.fun_dz, ref.fun_dz, x[0], 0.75, what="fun_dz with an array x and a float y",
           rtol=RTOL, atol=ATOL)
    agree(student.fun_dz, ref.fun_dz, -0.75, y[0], what="fun_dz with a float x and an array y",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_integer_inputs(student, ref):
    """fun_z and fun_dz accept integer inputs and return floats"""
    x, y = np.array([0, 1, -2]), np.array([3, -1, 2])
    # integers in, float64 out
    agree(student.fun_z, ref.fun_z, x, y, what="fun_z on integer arrays", rtol=RTOL, atol=ATOL)
    # plain Python ints
    agree(student.fun_dz, ref.fun_dz, 2, -1, what="fun_dz on Python ints", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_edge_values(student, ref):
    """fun_z and fun_dz at the origin and far from it"""
    x, y = np.array([0.0, 0.0, 30.0, -1e-8]), np.array([0.0, 1e-8, -40.0, 0.0])
    # zero gradient at the origin; large arguments stay finite
    agree(student.fun_z, ref.fun_z, x, y, what="fun_z at the origin and far away", rtol=1e-7, atol=ATOL)
    agree(student.fun_dz, ref.fun_dz, x, y, what="fun_dz at the origin and far away", rtol=1e-7, atol=ATOL)


@pytest.mark.points(1)
def test_inputs_not_modified(student, ref):
    """fun_z and fun_dz give the right values and leave their inputs unchanged"""
    x, y = grid(SEED + 2)
    z, dz = student.fun_z.call(x, y), student.fun_dz.call(x, y)
    # right values first: a function that ignores its inputs does not earn this point
    expect(z.value, ref.fun_z(x, y), what="fun_z on a 3x4 grid", rtol=RTOL, atol=ATOL)
    expect(dz.value, ref.fun_dz(x, y), what="fun_dz on a 3x4 grid", rtol=RTOL, atol=ATOL)
    # each call's arguments as the submission left them, one by one: an in-place change shows here
    for name, call in (("fun_z", z), ("fun_dz", dz)):
        expect_each_unchanged(call, name, x=x, y=y)


def axes(seed=SEED, m=FIELD_SHAPE[0], n=FIELD_SHAPE[1]):
    """Seeded, unevenly spaced, increasing grid coordinates in [-2.5, 2.5]: xs of shape (m,), ys of shape (n,)."""
    rng = np.random.default_rng(seed)
    return np.sort(rng.uniform(-2.5, 2.5, m)), np.sort(rng.uniform(-2.5, 2.5, n))


@pytest.mark.points(2)
def test_gradient_field_positions(student, ref):
    """gradient_field puts one arrow per grid point, one row per y and one column per x"""
    xs, ys = axes(SEED + 3)
    X, Y, _, _ = parts(student.gradient_field(xs, ys), 4, what="gradient_field returns (X, Y, U, V)")
    want_X, want_Y, _, _ = ref.gradient_field(xs, ys)
    # X repeats xs along each row and Y repeats ys down each column, both of shape (len(ys), len(xs))
    expect((X, Y), (want_X, want_Y), what="gradient_field arrow positions (X, Y)", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_gradient_field_arrows(student, ref):
    """gradient_field arrows are the gradient at their points: uphill, in the order (dz/dx, dz/dy)"""
    xs, ys = axes(SEED + 4)
    _, _, U, V = parts(student.gradient_field(xs, ys), 4, what="gradient_field returns (X, Y, U, V)")
    X, Y = np.meshgrid(xs, ys)
    # the true gradient at every grid point, unscaled: downhill, swapped or normalised arrows differ
    expect((U, V), ref.fun_dz(X, Y), what="gradient_field arrow components (U, V)", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_gradient_field_default_grid(student, ref):
    """gradient_field() with no arguments covers -2.5 .. 2.5 in steps of 0.5, both ends included"""
    # 11 x 11 arrows; a grid that stops at 2.0 has the wrong shape
    expect(student.gradient_field(), ref.gradient_field(), what="gradient_field on the default grid",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_gradient_field_one_axis_default(student, ref):
    """gradient_field with only xs or only ys given uses the default 11 points for the other"""
    xs, ys = axes(SEED + 5)
    # xs given, ys left out: rows at the 11 default points, not at xs
    expect(student.gradient_field(xs), ref.gradient_field(xs), what="gradient_field(xs) with the default ys",
           rtol=RTOL, atol=ATOL)
    # ys given, xs None: columns at the 11 default points, not at ys
    expect(student.gradient_field(None, ys), ref.gradient_field(None, ys),
           what="gradient_field(None, ys) with the default xs", rtol=RTOL, atol=ATOL)


def unchanged_field(student, ref, xs, ys, what):
    """gradient_field(xs, ys): the right values first, then xs and ys each as the submission left them."""
    field = student.gradient_field.call(xs, ys)
    # right values first: a function that ignores its inputs does not earn the point
    expect(field.value, ref.gradient_field(xs, ys), what=f"gradient_field on {what}", rtol=RTOL, atol=ATOL)
    # each argument as the submission left it: an in-place change (sorted, reshaped) shows here
    expect_each_unchanged(field, "gradient_field", xs=xs, ys=ys)


@pytest.mark.points(1)
def test_gradient_field_integer_inputs_unchanged(student, ref):
    """gradient_field takes integer coordinates, returns float64 and leaves its inputs unchanged"""
    # integers in, float64 arrows out; neither axis in increasing order, so sorting one in place shows
    unchanged_field(student, ref, np.array([1, -2, 2, 0]), np.array([1, -1]), what="integer grids")


@pytest.mark.points(1)
def test_gradient_field_float_inputs_unchanged(student, ref):
    """gradient_field leaves float xs and ys unchanged"""
    # float64 coordinates, where np.asarray(xs, dtype=float) is xs itself, in no particular order
    rng = np.random.default_rng(SEED + 6)
    xs, ys = (rng.permutation(axis) for axis in axes(SEED + 6))
    unchanged_field(student, ref, xs, ys, what="float grids")
