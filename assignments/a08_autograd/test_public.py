"""Public tests for a08_autograd. Run them with `pytest assignments/a08_autograd` or `make grade`.

A Value cannot leave the grader's sandbox, so each test builds its expression with a helper from
autograder/drivers/a08_autograd.py and reads back plain numbers. A graph is a *program*: `inputs` makes one leaf
Value per number (nodes 0, 1, ...), and each step of `program` appends one node, e.g. ("add", 0, 1) is
nodes[0] + nodes[1] and ("c_sub", 1, 0) is 1 - nodes[0]. The helpers' docstring lists every step.
"""

import numpy as np
import pytest

from autograder.checks import expect
from autograder.drivers import a08_autograd as drv

RTOL = 1e-9         # the expected values below are given to 10 significant digits or more
ATOL = 1e-10
README_ATOL = 5e-5  # micrograd's README prints its numbers with 4 decimals


@pytest.mark.points(1)
def test_forward_values(student):
    """a = 2, b = -3: a + b, a * b, a - b, a / b, a ** 2, -a, 1 - a, 1 / a, 2 * b, b + 0.5"""
    inputs = [2.0, -3.0]
    program = [("add", 0, 1), ("mul", 0, 1), ("sub", 0, 1), ("div", 0, 1), ("pow", 0, 2), ("neg", 0),
               ("c_sub", 1, 0), ("c_div", 1, 0), ("c_mul", 2, 1), ("add_c", 1, 0.5)]
    data, _, _ = student.run(drv.forward, inputs, program)
    want = np.array([2.0, -3.0, -1.0, -6.0, 5.0, -2.0 / 3.0, 4.0, -2.0, -1.0, 0.5, -6.0, -2.5])
    # .data of every node: the two leaves, then one value per step
    expect(data, want, what="values of the leaves and of each operation", inputs={"inputs": inputs, "program": program},
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_chain_rule_add_mul(student):
    """f = (x + y) z at (-2, 5, -4): f = -12, df/dx = df/dy = -4, df/dz = 3"""
    inputs, program = [-2.0, 5.0, -4.0], [("add", 0, 1), ("mul", 3, 2)]
    data, grad = student.run(drv.gradients, inputs, program)
    # nodes: x, y, z, q = x + y, f = q * z; after f.backward(), q.grad = z = -4 and f.grad = 1
    expect((data[-1], grad), (-12.0, np.array([-4.0, -4.0, 3.0, -4.0, 1.0])), what="f and the .grad of every node",
           inputs={"x, y, z": inputs}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_exp_tanh_sigmoid_at_half(student):
    """exp, tanh and sigmoid at x = 0.5: values and local derivatives"""
    for op, value, derivative in [("exp", 1.6487212707001282, 1.6487212707001282),
                                  ("tanh", 0.46211715726000974, 0.7864477329659274),
                                  ("sigmoid", 0.6224593312018546, 0.2350037122015945)]:
        data, grad = student.run(drv.gradients, [0.5], [(op, 0)])
        # out.data, then x.grad = the local derivative (e^x; 1 - tanh(x)^2; s (1 - s))
        expect((data[1], grad[0]), (value, derivative), what=f"x.{op}().data and x.grad", inputs={"x": 0.5},
               rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_reflected_operators(student):
    """2 - x and 2 / x at x = 4: values -2 and 0.5, local derivatives -1 and -2 / x^2 = -0.125"""
    data, grad = student.run(drv.gradients, [4.0, 4.0], [("c_sub", 2, 0), ("c_div", 2, 1)], (2, 3))
    # the number is on the left: 2 - x, not x - 2
    expect((data[2:], grad[:2]), (np.array([-2.0, 0.5]), np.array([-1.0, -0.125])),
           what="values of 2 - x and 2 / x and their derivatives", inputs={"x": 4.0}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_micrograd_readme(student):
    """micrograd's README expression: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773"""
    # read the expression in micrograd_readme in autograder/drivers/a08_autograd.py
    expect(student.run(drv.micrograd_readme), (24.7041, 138.8338, 645.5773), what="(g.data, a.grad, b.grad)",
           rtol=0.0, atol=README_ATOL)


@pytest.mark.points(1)
def test_micrograd_sanity_check(student):
    """micrograd's sanity check, where x is used five times: y = -20, dy/dx = 46"""
    # every use of x adds to x.grad: with = instead of +=, x.grad comes out wrong
    expect(student.run(drv.micrograd_sanity), (-20.0, 46.0), what="(y.data, x.grad)", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_zero_grad(student):
    """f = (x + y) z: backward, zero_grad, backward again"""
    inputs, program = [-2.0, 5.0, -4.0], [("add", 0, 1), ("mul", 3, 2)]
    after = student.run(drv.grad_history, inputs, program, [("backward", 4), ("zero_grad", 4), ("backward", 4)])
    first = np.array([-4.0, -4.0, 3.0, -4.0, 1.0])
    # .grad of x, y, z, q, f after each action: zero_grad resets every node, the intermediate q included
    expect(after, (first, np.zeros(5), first), what=".grad of every node after backward, zero_grad, backward",
           inputs={"x, y, z": inputs}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_backward_twice_adds_up(student):
    """f = (x + y) z: a second backward adds to the gradients (x.grad = -12, z.grad = 6)"""
    inputs, program = [-2.0, 5.0, -4.0], [("add", 0, 1), ("mul", 3, 2)]
    after = student.run(drv.grad_history, inputs, program, [("backward", 4), ("backward", 4)])
    # backward() resets nothing and seeds f.grad = 1.0 (not += 1): q.grad becomes -4 + (-4), x.grad -4 + (-8)
    expect(after, (np.array([-4.0, -4.0, 3.0, -4.0, 1.0]), np.array([-12.0, -12.0, 6.0, -8.0, 1.0])),
           what=".grad of x, y, z, q, f after one backward and after a second one", inputs={"x, y, z": inputs},
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_zero_grad_reaches_only_its_graph(student):
    """zero_grad resets the nodes f was computed from, and no other Value"""
    # f = (x + y) z and, apart, g = w * 2: nodes x, y, z, w, q, f, g
    inputs, program = [-2.0, 5.0, -4.0, 3.0], [("add", 0, 1), ("mul", 4, 2), ("mul_c", 3, 2.0)]
    after = student.run(drv.grad_history, inputs, program, [("backward", 5), ("backward", 6), ("zero_grad", 5)])
    # w and g are not reachable from f: they keep the gradients of g.backward()
    expect(after[-1], np.array([0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 1.0]),
           what=".grad of x, y, z, w, q, f, g after f.zero_grad()", inputs={"x, y, z, w": inputs}, rtol=RTOL,
           atol=ATOL)

