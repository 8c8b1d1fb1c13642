"""Public tests for a06_chain_rule. Run them with `pytest assignments/a06_chain_rule` or `make grade`.

Expected values are the worked examples of the handout: (x + y) z at (-2, 5, -4), the sigmoid neuron with
w = [2, -3, -3] and x = [-1, -2], and one delta-rule step.
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_each_unchanged
from autograder.drivers import a06_chain_rule as drv

RTOL = 1e-9  # the expected values below are given to at least 12 significant digits
ATOL = 1e-12  # for values that are (nearly) zero


def number(value):
    """A 0-d array counts as the number inside it (the docstrings allow either)."""
    return value.item() if isinstance(value, np.ndarray) and value.ndim == 0 else value


@pytest.mark.points(1)
def test_add_mul_example(student):
    """add_mul(-2, 5, -4) returns (-12, (-4, -4, 3))"""
    # q = x + y = 3, f = q z = -12; df/dx = df/dy = z, df/dz = q
    expect(student.add_mul(-2.0, 5.0, -4.0), (-12.0, (-4.0, -4.0, 3.0)), what="add_mul at (-2, 5, -4)",
           inputs={"x": -2.0, "y": 5.0, "z": -4.0}, rtol=RTOL)


@pytest.mark.points(1)
def test_add_mul_arrays(student):
    """add_mul on arrays works elementwise and leaves x, y and z unchanged"""
    x, y, z = np.array([-2.0, 1.0]), np.array([5.0, 1.0]), np.array([-4.0, 2.0])
    # the handout's point and (1, 1, 2): q = (3, 2), f = q z; each input's gradient has the shape of the input
    call = student.add_mul.call(x, y, z)
    expect(call.value,
           (np.array([-12.0, 4.0]), (np.array([-4.0, 2.0]), np.array([-4.0, 2.0]), np.array([3.0, 2.0]))),
           what="add_mul on arrays of shape (2,)", inputs={"x": x, "y": y, "z": z}, rtol=RTOL)
    # q = x + y is a new array: x += y would change the caller's x
    expect_each_unchanged(call, "add_mul", x=x, y=y, z=z)


@pytest.mark.points(1)
def test_sigmoid_values(student):
    """sigmoid at -1, 0 and 1, leaving z unchanged"""
    z = np.array([-1.0, 0.0, 1.0])
    # an array in, a new array of the same shape out
    call = student.sigmoid.call(z)
    expect(call.value, np.array([0.2689414213699951, 0.5, 0.7310585786300049]),
           what="sigmoid on an array of shape (3,)", inputs={"z": z}, rtol=RTOL)
    expect_each_unchanged(call, "sigmoid", z=z)
    # a number in, a number out
    expect(number(student.sigmoid(0.0)), 0.5, what="sigmoid(0.0)", inputs={"z": 0.0}, rtol=RTOL)


@pytest.mark.points(1)
def test_sigmoid_stable(student):
    """sigmoid at -1000 and 1000 gives 0 and 1 without a warning"""
    z = np.array([-1000.0, 1000.0])
    got = student.run(drv.sigmoid_warnings, z)
    # exp(1000) overflows: a stable sigmoid never computes it
    assert not got["warnings"], (
        f"sigmoid raised a warning at z = -1000 or z = 1000: {got['warnings'][0]}. "
        "Take exp only of numbers <= 0, for example e = np.exp(-np.abs(z)), and remember that np.where "
        "computes both of its branches."
    )
    expect(got["array"], np.array([0.0, 1.0]), what="sigmoid on the array [-1000, 1000]", inputs={"z": z},
           rtol=RTOL, atol=ATOL)
    expect([number(v) for v in got["scalars"]], [0.0, 1.0], what="sigmoid(-1000.0) and sigmoid(1000.0)",
           inputs={"z": "-1000.0, then 1000.0"}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_sigmoid_grad_values(student):
    """sigmoid_grad at 0 and 1, and at -1000 and 1000"""
    z = np.array([0.0, 1.0, -1000.0, 1000.0])
    # sigma'(0) = 0.5 * 0.5; sigma'(1) = (1 - f) f with f = sigma(1); far out the sigmoid is flat: 0, not nan
    # (reuse your stable sigmoid: exp(-z) / (1 + exp(-z))^2 is inf / inf at z = -1000)
    expect(student.sigmoid_grad(z), np.array([0.25, 0.19661193324148185, 0.0, 0.0]), what="sigmoid_grad on an array",
           inputs={"z": z}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_sigmoid_neuron_example(student):
    """sigmoid_neuron with w = [2, -3, -3] and x = [-1, -2], leaving them unchanged"""
    w, x = np.array([2.0, -3.0, -3.0]), np.array([-1.0, -2.0])
    f, dw, dx = 0.7310585786300049, [-0.19661193324148185, -0.3932238664829637, 0.19661193324148185], \
        [0.3932238664829637, -0.5898357997244456]
    call = student.sigmoid_neuron.call(w, x)
    got = call.value
    if isinstance(got, tuple) and len(got) == 3:
        got = (number(got[0]), got[1], got[2])
    # the dot product is 1, so f = sigma(1); the bias's gradient is last in dw
    expect(got, (f, np.array(dw), np.array(dx)), what="sigmoid_neuron on the handout's example",
           inputs={"w": w, "x": x}, rtol=RTOL)
    # dx is a new array: scaling the slice w[:-1] in place would change the caller's w
    expect_each_unchanged(call, "sigmoid_neuron", w=w, x=x)


@pytest.mark.points(1)
def test_delta_rule_example(student):
    """delta_rule_step on the handout's example, leaving w and x unchanged"""
    w, x = np.array([0.5, -0.5, 0.3, 0.1]), np.array([1.0, 2.0, 3.0, 4.0])
    want = np.array([-0.02031869180230399, -0.04063738360460799, -0.06095607540691198, -0.08127476720921598])
    # h = 0.8, yhat = sigma(0.8) = 0.6899744811; the change, not the new weights
    call = student.delta_rule_step.call(w, x, 0.5, 0.5)
    expect(call.value, want, what="delta_rule_step on the handout's example",
           inputs={"w": w, "x": x, "y": 0.5, "lr": 0.5}, rtol=RTOL)
    # the caller applies the change: w itself stays as it was
    expect_each_unchanged(call, "delta_rule_step", w=w, x=x)
