"""Public tests for a09_gradient_tape. Run them with `pytest assignments/a09_gradient_tape` or `make grade`.

A Tensor cannot leave the grader's sandbox, so each test writes a *script* for a helper of
autograder/drivers/a09_gradient_tape.py and reads back plain numbers. A script is a list of steps run in order:
("var", 3.0) makes Variable(3.0) and ("const", 3.0) Tensor(3.0) (nodes 0, 1, ... in the order they are made),
("tape",) starts a tape's with block (tapes 0, 1, ...), ("mul", 0, 1) makes nodes[0] * nodes[1], ("exit", 0) ends
tape 0's block and ("grad", 0, 4, [0, 1]) appends tapes[0].gradient(nodes[4], [nodes[0], nodes[1]]), one node per
source. The helpers' docstring lists every step.
"""

import math

import numpy as np
import pytest

from autograder.checks import expect
from autograder.drivers import a09_gradient_tape as drv

RTOL = 1e-9   # the expected values below are given to 10 significant digits or more
ATOL = 1e-10

# The course notes' example: w = 1, b = 2 (Variables), x = 3 (a constant), y = x w + b, under two tapes.
# nodes: w, b, x, x * w, y; dy/dw, dy/db from the inner tape; d(dy/dw)/dw, d(dy/db)/db from the outer tape.
NOTES = [("var", 1.0), ("var", 2.0), ("const", 3.0), ("tape", True), ("tape",), ("mul", 2, 0), ("add", 3, 1),
         ("exit", 1), ("grad", 1, 4, [0, 1]), ("grad", 0, 5, 0), ("grad", 0, 6, 1)]


@pytest.mark.points(2)
def test_notes_example(student):
    """y = x w + b at w = 1, b = 2, x = 3: dy/dw = 3, dy/db = 1, and d2y/dw2 is None"""
    # dy/dw = x does not depend on w: the outer tape holds no path from w to it, so it answers None (not 0.0)
    expect(student.run(drv.run, NOTES), (1.0, 2.0, 3.0, 3.0, 5.0, 3.0, 1.0, None, None),
           what="w, b, x, x * w, y, dy/dw, dy/db, d2y/dw2, d2y/db2", inputs={"script": NOTES}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_square_at_five(student):
    """y = x^2 at x = 5: dy/dx = 10 and d2y/dx2 = 2, from two nested tapes"""
    script = [("var", 5.0), ("tape",), ("tape",), ("pow", 0, 2), ("exit", 1), ("grad", 1, 1, 0), ("exit", 0),
              ("grad", 0, 2, 0)]
    # nodes: x, y, dy/dx (computed while the outer tape is active), d2y/dx2
    expect(student.run(drv.run, script), (5.0, 25.0, 10.0, 2.0), what="x, y, dy/dx and d2y/dx2",
           inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_values_of_the_operations(student):
    """a = 2, b = -3: a + b, a * b, a - b, a / b, a ** 2, -a, 1 - a, 1 / a, 2 * b, b + 0.5"""
    script = [("var", 2.0), ("const", -3.0), ("add", 0, 1), ("mul", 0, 1), ("sub", 0, 1), ("div", 0, 1),
              ("pow", 0, 2), ("neg", 0), ("c_sub", 1, 0), ("c_div", 1, 0), ("c_mul", 2, 1), ("add_c", 1, 0.5)]
    want = (2.0, -3.0, -1.0, -6.0, 5.0, -2.0 / 3.0, 4.0, -2.0, -1.0, 0.5, -6.0, -2.5)
    # the two leaves, then one value per operation
    expect(student.run(drv.run, script), want, what="values of the leaves and of each operation",
           inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_local_derivatives_at_half(student):
    """exp, log, sin, cos, tanh and sigmoid at x = 0.5: values, first and second derivatives"""
    for op, value, first, second in [
        ("exp", 1.6487212707001282, 1.6487212707001282, 1.6487212707001282),
        ("log", -0.6931471805599453, 2.0, -4.0),
        ("sin", 0.479425538604203, 0.8775825618903728, -0.479425538604203),
        ("cos", 0.8775825618903728, -0.479425538604203, -0.8775825618903728),
        ("tanh", 0.46211715726000974, 0.7864477329659274, -0.7268619813835873),
        ("sigmoid", 0.6224593312018546, 0.2350037122015945, -0.05755679485232076),
    ]:
        script = [("var", 0.5), ("tape",), ("tape",), (op, 0), ("exit", 1), ("grad", 1, 1, 0), ("exit", 0),
                  ("grad", 0, 2, 0)]
        # nodes: x, f(x), f'(x) from the inner tape, f''(x) from the outer one
        expect(student.run(drv.run, script), (0.5, value, first, second), what=f"x, {op}(x) and its derivatives",
               inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_unconnected_source_is_none(student):
    """y = x * x at x = 3: dy/dx = 6, and dy/dz = None for a Variable z that y does not use"""
    script = [("var", 3.0), ("var", 4.0), ("tape",), ("mul", 0, 0), ("exit", 0), ("grad", 0, 2, [0, 1])]
    # nodes: x, z, y, dy/dx, dy/dz
    expect(student.run(drv.run, script), (3.0, 4.0, 9.0, 6.0, None), what="x, z, y, dy/dx and dy/dz",
           inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_constant_needs_watch(student):
    """y = c * c at c = Tensor(1.5): None without watch, 3 with tape.watch(c)"""
    script = [("const", 1.5), ("tape",), ("mul", 0, 0), ("exit", 0), ("grad", 0, 1, 0),
              ("tape",), ("watch", 1, 0), ("mul", 0, 0), ("exit", 1), ("grad", 1, 3, 0)]
    # nodes: c, c * c on tape 0, its gradient, c * c on tape 1 (which watches c), its gradient
    expect(student.run(drv.run, script), (1.5, 2.25, None, 2.25, 3.0), what="gradients without and with watch",
           inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_a_tape_answers_once_unless_persistent(student):
    """gradient twice: RuntimeError on a tape that is not persistent, the same answer on a persistent one"""
    script = [("var", 2.0), ("tape",), ("pow", 0, 3), ("exit", 0), ("try_grad", 0, 1, 0), ("try_grad", 0, 1, 0),
              ("tape", True), ("pow", 0, 3), ("exit", 1), ("try_grad", 1, 4, 0), ("try_grad", 1, 4, 0)]
    # nodes: x, x^3, 12, "RuntimeError"; x^3 again, 12, 12
    expect(student.run(drv.run, script), (2.0, 8.0, 12.0, "RuntimeError", 8.0, 12.0, 12.0),
           what="two gradient calls on a tape that is not persistent, then on a persistent one",
           inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_shared_subexpression(student):
    """y = x * x + x at x = 3: x is used three times, dy/dx = 2x + 1 = 7 and d2y/dx2 = 2"""
    script = [("var", 3.0), ("tape",), ("tape",), ("mul", 0, 0), ("add", 1, 0), ("exit", 1), ("grad", 1, 2, 0),
              ("exit", 0), ("grad", 0, 3, 0)]
    # nodes: x, x * x, y, dy/dx, d2y/dx2: every use adds to the gradient
    expect(student.run(drv.run, script), (3.0, 9.0, 12.0, 7.0, 2.0), what="x, x * x, y, dy/dx and d2y/dx2",
           inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_chain_walked_backwards(student):
    """y = sin(x^2) at x = 1.5: dy/dx = 2x cos(x^2) and d2y/dx2 = 2 cos(x^2) - 4x^2 sin(x^2)"""
    script = [("var", 1.5), ("tape",), ("tape",), ("pow", 0, 2), ("sin", 1), ("exit", 1), ("grad", 1, 2, 0),
              ("exit", 0), ("grad", 0, 3, 0)]
    u = 1.5**2
    want = (1.5, u, math.sin(u), 3.0 * math.cos(u), 2 * math.cos(u) - 4 * u * math.sin(u))
    # nodes: x, x^2, y, dy/dx, d2y/dx2
    expect(student.run(drv.run, script), want, what="x, x^2, y, dy/dx and d2y/dx2", inputs={"script": script},
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_outer_tape_records_the_forward_pass(student):
    """with two tapes active, both record y = exp(x) * x at x = 0.5, and each gives dy/dx = 2.4730819061"""
    script = [("var", 0.5), ("tape", True), ("tape",), ("exp", 0), ("mul", 1, 0), ("exit", 1), ("grad", 1, 2, 0),
              ("exit", 0), ("grad", 0, 2, 0), ("grad", 0, 3, 0)]
    # nodes: x, e^x, y, dy/dx (inner tape), dy/dx (outer tape), d2y/dx2 = (x + 2) e^x (outer tape)
    e = math.exp(0.5)
    expect(student.run(drv.run, script), (0.5, e, 0.5 * e, 1.5 * e, 1.5 * e, 2.5 * e),
           what="x, e^x, y, dy/dx from each tape and d2y/dx2", inputs={"script": script}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_derivatives(student):
    """derivatives(f, x) for f(x) = x^3 - 2x at 2: (4, 10, 12); for f(x) = 3x + 1 at 1: (4, 3, 0)"""
    # f'' of 3x + 1 is None on the tape: derivatives reports 0.0
    expect(student.derivatives(drv.cube_minus_2x, 2.0), (4.0, 10.0, 12.0), what="derivatives of x^3 - 2x at 2",
           inputs={"f": "cube_minus_2x", "x": 2.0}, rtol=RTOL, atol=ATOL)
    expect(student.derivatives(drv.line, 1.0), (4.0, 3.0, 0.0), what="derivatives of 3x + 1 at 1",
           inputs={"f": "line", "x": 1.0}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_newton_and_gradient_descent(student):
    """f(x) = e^x - 2x from x0 = 2: Newton reaches ln 2 in 5 steps, gradient descent (lr 0.3) is still 1e-3 away"""
    newton = np.array([2.0, 1.2706705664732254, 0.8319573037399686, 0.7023505840171669, 0.6931894022505122,
                       0.6931471814512683])
    expect(student.newton(drv.exp_minus_2x, 2.0, 5), newton, what="Newton's iterates",
           inputs={"f": "exp_minus_2x", "x0": 2.0, "steps": 5}, rtol=RTOL, atol=ATOL)
    descent = np.array([2.0, 0.38328317032080483, 0.5431551477512011, 0.6267262474247379, 0.665284108196129,
                        0.6817711945413755])
    expect(student.gradient_descent(drv.exp_minus_2x, 2.0, 0.3, 5), descent, what="gradient descent's iterates",
           inputs={"f": "exp_minus_2x", "x0": 2.0, "lr": 0.3, "steps": 5}, rtol=RTOL, atol=ATOL)
