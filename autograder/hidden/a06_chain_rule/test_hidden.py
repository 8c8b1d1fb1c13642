"""Hidden tests for a06_chain_rule, graded against solutions/a06_chain_rule/chain_rule.py."""

import numpy as np
import pytest

from autograder.checks import agree, expect, expect_each_unchanged, expect_same, expect_unchanged
from autograder.drivers import a06_chain_rule as drv

SEED = 606
RTOL = 1e-9  # same formulas, different order of operations: a few ulps apart at most
ATOL = 1e-12  # sigma(z) near 1 makes 1 - sigma(z) lose digits: about 1e-17 absolute, far below this
# Where a naive sigmoid overflows: exp(-z) is inf for z < -709.78, and exp(z) for z > 709.78.
EXTREMES = np.array([-1000.0, -745.0, -710.0, -40.0, 0.0, 40.0, 710.0, 1000.0])

# The anchors of docs/reference-values.md.
ADD_MUL_ANCHOR = (-2, 5, -4)  # f = -12, gradients (-4, -4, 3)
NEURON_W, NEURON_X = np.array([2, -3, -3]), np.array([-1, -2])  # dot product 1, f = 0.7310585786
DELTA_W, DELTA_X, DELTA_Y, DELTA_LR = np.array([0.5, -0.5, 0.3, 0.1]), np.array([1, 2, 3, 4]), 0.5, 0.5


def number(value):
    """A 0-d array counts as the number inside it (the docstrings allow either)."""
    return value.item() if isinstance(value, np.ndarray) and value.ndim == 0 else value


def numbers(value):
    """`number` applied inside tuples and lists, keeping their type."""
    if isinstance(value, (tuple, list)):
        return type(value)(numbers(v) for v in value)
    return number(value)


def add_mul_parts(got):
    """(f, grads) of an add_mul result, after checking the form the docstring promises."""
    assert isinstance(got, tuple) and len(got) == 2, "add_mul must return a tuple (f, grads)"
    return got


def neuron_parts(got):
    """(f, dw, dx) of a sigmoid_neuron result, after checking the form the docstring promises."""
    assert isinstance(got, tuple) and len(got) == 3, "sigmoid_neuron must return a tuple (f, dw, dx)"
    return (number(got[0]),) + got[1:]


# --------------------------------------------------------------------------- add_mul


@pytest.mark.points(2)
def test_add_mul_anchor(student, ref):
    """add_mul at the anchor point (-2, 5, -4)"""
    # Python ints, then floats: (-12, (-4, -4, 3)) either way
    expect(numbers(student.add_mul(*ADD_MUL_ANCHOR)), ref.add_mul(*ADD_MUL_ANCHOR),
           what="add_mul on Python ints", rtol=RTOL)
    args = tuple(float(v) for v in ADD_MUL_ANCHOR)
    expect(numbers(student.add_mul(*args)), ref.add_mul(*args), what="add_mul on floats", rtol=RTOL)


@pytest.mark.points(1)
def test_add_mul_value(student, ref):
    """add_mul returns f = (x + y) z"""
    rng = np.random.default_rng(SEED)
    for x, y, z in rng.uniform(-3, 3, (3, 3)):
        f, _ = add_mul_parts(student.add_mul(float(x), float(y), float(z)))
        # the forward pass
        expect(number(f), ref.add_mul(float(x), float(y), float(z))[0], what="the value f of add_mul",
               rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_add_mul_gradients(student, ref):
    """add_mul returns the gradients (df/dx, df/dy, df/dz)"""
    rng = np.random.default_rng(SEED)
    cases = [tuple(float(v) for v in row) for row in rng.uniform(-3, 3, (3, 3))]
    cases.append((1.5, 1.5, -0.5))  # x and y equal: still one partial derivative each
    for x, y, z in cases:
        _, grads = add_mul_parts(student.add_mul(x, y, z))
        # a tuple of three numbers, in the order x, y, z
        expect(numbers(grads), ref.add_mul(x, y, z)[1], what="the gradients of add_mul", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_add_mul_arrays(student, ref):
    """add_mul works elementwise on arrays and leaves them unchanged"""
    rng = np.random.default_rng(SEED + 1)
    x, y, z = (a.copy() for a in rng.uniform(-3, 3, (3, 2, 4)))
    call = student.add_mul.call(x, y, z)
    # f and each gradient have the inputs' shape
    expect(call.value, ref.add_mul(x.copy(), y.copy(), z.copy()), what="add_mul on arrays of shape (2, 4)",
           rtol=RTOL, atol=ATOL)
    # each argument as the submission left it: an in-place change shows here
    expect_each_unchanged(call, "add_mul", x=x, y=y, z=z)


# --------------------------------------------------------------------------- sigmoid


@pytest.mark.points(1)
def test_sigmoid_numbers(student, ref):
    """sigmoid of a number"""
    for z in (0.0, 1.0, -1.0, 2):
        # a number in, a number out (a Python int too)
        expect(number(student.sigmoid(z)), ref.sigmoid(z), what="sigmoid of a number", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_sigmoid_arrays(student, ref):
    """sigmoid works elementwise on float and integer arrays of any shape and leaves them unchanged"""
    rng = np.random.default_rng(SEED + 2)
    for shape in [(3, 4), (2, 1, 3)]:
        z = rng.uniform(-8, 8, shape)
        call = student.sigmoid.call(z)
        # a float array of the same shape
        expect(call.value, ref.sigmoid(z.copy()), what="sigmoid on a float array", rtol=RTOL, atol=ATOL)
        expect_unchanged(call.args[0], z, what="sigmoid must not modify z")
    z = np.array([-3, 0, 2, 7])
    want = ref.sigmoid(z.copy())
    # integers in, floats out
    expect(student.sigmoid(z), want, what="sigmoid on an integer array", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_sigmoid_extremes(student, ref):
    """sigmoid is 0 and 1 far from the origin, not nan"""
    got = student.run(drv.sigmoid_warnings, EXTREMES.copy())
    want = drv.sigmoid_warnings(ref, EXTREMES.copy())
    # the whole array at once, then each value as a float
    expect(got["array"], want["array"], what="sigmoid on an array with |z| up to 1000", rtol=RTOL, atol=ATOL)
    expect(numbers(got["scalars"]), want["scalars"], what="sigmoid of numbers with |z| up to 1000",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_sigmoid_no_warning(student, ref):
    """sigmoid gives the right values and raises no warning (overflow or other) at |z| up to 1000"""
    got = student.run(drv.sigmoid_warnings, EXTREMES.copy())
    # right values first: a function that computes nothing raises no warning either
    expect(got["array"], drv.sigmoid_warnings(ref, EXTREMES.copy())["array"], what="sigmoid on an array with |z| up to 1000",
           rtol=RTOL, atol=ATOL)
    # the docstring promises no warning at all for any finite z (underflow is not watched)
    assert not got["warnings"], f"sigmoid raised a warning for large |z|: {got['warnings'][0]}"


# --------------------------------------------------------------------------- sigmoid_grad


@pytest.mark.points(1)
def test_sigmoid_grad_anchor(student, ref):
    """sigmoid_grad at 0 and 1"""
    for z in (0.0, 1.0):
        # 0.25 and 0.19661193324148185: the input is z, not sigma(z)
        expect(number(student.sigmoid_grad(z)), ref.sigmoid_grad(z), what="sigmoid_grad of a number", rtol=RTOL)


@pytest.mark.points(2)
def test_sigmoid_grad_arrays(student, ref):
    """sigmoid_grad works elementwise on arrays and leaves them unchanged"""
    rng = np.random.default_rng(SEED + 3)
    z = rng.uniform(-8, 8, (3, 4))
    call = student.sigmoid_grad.call(z)
    # a float array of the same shape
    expect(call.value, ref.sigmoid_grad(z.copy()), what="sigmoid_grad on a float array", rtol=RTOL, atol=ATOL)
    expect_unchanged(call.args[0], z, what="sigmoid_grad must not modify z")
    # integers in, floats out
    zi = np.array([-4, -1, 0, 3])
    want = ref.sigmoid_grad(zi.copy())
    expect(student.sigmoid_grad(zi), want, what="sigmoid_grad on an integer array", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_sigmoid_grad_extremes(student, ref):
    """sigmoid_grad is finite and nearly 0 far from the origin"""
    # exp(-z)/(1 + exp(-z))^2 gives inf/inf = nan at z = -1000
    agree(student.sigmoid_grad, ref.sigmoid_grad, EXTREMES.copy(),
           what="sigmoid_grad with |z| up to 1000", rtol=RTOL, atol=ATOL)


# --------------------------------------------------------------------------- sigmoid_neuron


@pytest.mark.points(2)
def test_sigmoid_neuron_anchor(student, ref):
    """sigmoid_neuron at the anchor w = [2, -3, -3], x = [-1, -2]"""
    # integer arrays in, float f, dw, dx out
    for dtype in (int, float):
        w, x = NEURON_W.astype(dtype), NEURON_X.astype(dtype)
        want = ref.sigmoid_neuron(w.copy(), x.copy())
        expect(neuron_parts(student.sigmoid_neuron(w, x)), want, what=f"sigmoid_neuron on {dtype.__name__} arrays",
               rtol=RTOL)


def neuron_cases():
    """Seeded weights and inputs for D = 1, 3 and 6."""
    rng = np.random.default_rng(SEED + 4)
    return [(rng.normal(0, 1, d + 1), rng.normal(0, 1, d)) for d in (1, 3, 6)]


@pytest.mark.points(1)
def test_sigmoid_neuron_output(student, ref):
    """sigmoid_neuron returns f = sigma(w . [x, 1]) and leaves w and x unchanged"""
    for w, x in neuron_cases():
        call = student.sigmoid_neuron.call(w, x)
        f, _, _ = neuron_parts(call.value)
        # the forward pass, with the bias last in w
        expect(f, ref.sigmoid_neuron(w.copy(), x.copy())[0], what="the output f of sigmoid_neuron", rtol=RTOL)
        # each argument as the submission left it: an in-place change shows here
        expect_each_unchanged(call, "sigmoid_neuron", w=w, x=x)


@pytest.mark.points(2)
def test_sigmoid_neuron_gradients(student, ref):
    """sigmoid_neuron returns dw (bias last) and dx"""
    for w, x in neuron_cases():
        _, ref_dw, ref_dx = ref.sigmoid_neuron(w, x)
        _, dw, dx = neuron_parts(student.sigmoid_neuron(w, x))
        # dw has shape (D + 1,), dx has shape (D,)
        expect(dw, ref_dw, what="the gradient dw of sigmoid_neuron", rtol=RTOL, atol=ATOL)
        expect(dx, ref_dx, what="the gradient dx of sigmoid_neuron", rtol=RTOL, atol=ATOL)


# --------------------------------------------------------------------------- delta_rule_step


@pytest.mark.points(2)
def test_delta_rule_anchor(student, ref):
    """delta_rule_step at the anchor (lr 0.5, x = [1, 2, 3, 4], y = 0.5)"""
    # h = 0.8, yhat = 0.6899744811: the change Delta w, not the new weights
    want = ref.delta_rule_step(DELTA_W.copy(), DELTA_X.copy(), DELTA_Y, DELTA_LR)
    expect(student.delta_rule_step(DELTA_W.copy(), DELTA_X.copy(), DELTA_Y, DELTA_LR), want,
           what="delta_rule_step at the anchor", rtol=RTOL)


@pytest.mark.points(2)
def test_delta_rule_random(student, ref):
    """delta_rule_step on seeded weights, inputs, targets and learning rates"""
    rng = np.random.default_rng(SEED + 5)
    for d, lr in ((3, 0.1), (6, 1.7)):
        w, x, y = rng.normal(0, 1, d), rng.normal(0, 1, d), float(rng.uniform(0, 1))
        want = ref.delta_rule_step(w.copy(), x.copy(), y, lr)
        # a float array of shape (D,)
        expect(student.delta_rule_step(w, x, y, lr), want, what="delta_rule_step on seeded data", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_delta_rule_integers_unchanged(student, ref):
    """delta_rule_step accepts integers, leaves w and x unchanged and gives the same result twice"""
    w, x = np.array([1, -2, 0]), np.array([2, 1, 3])
    first = student.delta_rule_step.call(w, x, 1, 2)
    # integers in, floats out
    expect(first.value, ref.delta_rule_step(w.copy(), x.copy(), 1, 2), what="delta_rule_step on integers",
           rtol=RTOL, atol=ATOL)
    wf, xf = DELTA_W.copy(), DELTA_X.astype(float)
    second = [student.delta_rule_step.call(wf, xf, DELTA_Y, DELTA_LR) for _ in range(2)]
    # each call's w and x as the submission left them, integer and float64: an in-place change shows here
    for call, (weights, sample) in ((first, (w, x)), (second[0], (wf, xf))):
        expect_each_unchanged(call, "delta_rule_step", w=weights, x=sample)
    # no state kept between calls
    expect_same(second[1].value, second[0].value, what="delta_rule_step twice on the same inputs")
