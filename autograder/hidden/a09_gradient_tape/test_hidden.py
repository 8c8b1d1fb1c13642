"""Hidden tests for a09_gradient_tape, graded against solutions/a09_gradient_tape/tape.py.

A Tensor cannot leave the sandbox: every test writes a script for a driver of autograder/drivers/a09_gradient_tape.py
and compares the values it reads back (None for a gradient that is None) with the same driver run on the reference.
"""

import numpy as np
import pytest

from autograder.checks import expect, parts
from autograder.drivers import a09_gradient_tape as drv

SEED = 909
RTOL = 1e-9          # one operation or a short chain: correct formulas differ by a few ulps
ATOL = 1e-12         # for values that are (nearly) zero
GRAPH_RTOL = 1e-7    # random expressions: rounding differences add up through dozens of operations
GRAPH_ATOL = 1e-9
ANCHOR_RTOL = 1e-9   # the course notes' and the handout's numbers, given to 10 significant digits
ANCHOR_ATOL = 1e-10
POINTS = [-2.2, -0.7, 0.0, 0.45, 1.3, 2.6]         # where each operation's derivatives are checked
POSITIVE = [0.35, 0.8, 1.0, 1.7, 3.2]              # for log and non-integer powers


def ours_and_reference(student, ref, fn, *args):
    """Run driver `fn` in the sandbox on the submission and in this process on the reference."""
    return student.run(fn, *args), fn(ref, *args)


def operand_slots(op):
    """Positions, among an operation step's arguments, that hold node indices (the others hold numbers)."""
    if op.startswith("c_"):
        return (1,)
    if op in drv._BINARY:
        return (0, 1)
    return (0,)


def shifted(step, place):
    """An operation step with its node indices moved by place()."""
    op, *args = step
    return (op, *[place(a) if pos in operand_slots(op) else a for pos, a in enumerate(args)])


def derivative_script(cases, inner_persistent=True):
    """One script for several independent expressions, with first and second derivatives of each.

    cases: a list of (leaves, program): leaves are the values of Variables (nodes 0, 1, ... of the case), program
    operation steps written with the case's own node indices; the case's last node is its output.
    The script makes every leaf, starts an outer persistent tape and an inner tape, runs every program, ends the
    inner tape, asks it for d out / d leaf for each case and leaf, then asks the outer tape for the derivative of
    each of those gradients with respect to each leaf of its case.
    Returns (script, index): index[c] = (leaf nodes, output node, first derivative nodes, second derivative nodes as
    a list of rows), the node numbers of case c in the driver's result.
    """
    script, index = [], []
    n_leaves = sum(len(leaves) for leaves, _ in cases)
    next_leaf, next_node = 0, n_leaves
    for leaves, _ in cases:
        script += [("var", v) for v in leaves]
    script += [("tape", True), ("tape", True) if inner_persistent else ("tape",)]
    placed = []
    for leaves, program in cases:
        leaf0, step0, n_in = next_leaf, next_node, len(leaves)

        def place(k, leaf0=leaf0, step0=step0, n_in=n_in):
            return leaf0 + k if k < n_in else step0 + k - n_in

        script += [shifted(step, place) for step in program]
        placed.append((list(range(leaf0, leaf0 + n_in)), step0 + len(program) - 1))
        next_leaf, next_node = next_leaf + n_in, next_node + len(program)
    script.append(("exit", 1))
    for leaves, out in placed:
        script.append(("grad", 1, out, leaves))
        first = list(range(next_node, next_node + len(leaves)))
        next_node += len(leaves)
        index.append([leaves, out, first, []])
    for entry in index:
        leaves, _, first, rows = entry
        for g in first:
            script.append(("grad", 0, g, leaves))
            rows.append(list(range(next_node, next_node + len(leaves))))
            next_node += len(leaves)
    return script, index


def pick(values, nodes):
    return tuple(values[k] for k in nodes)


def unary_cases(op, xs, arg=None):
    """One case per x: op on a Variable x (with arg as constant or exponent), or x op y on two Variables when arg
    is a list of the y."""
    if op in drv._BINARY:
        return [([x, y], [(op, 0, 1)]) for x, y in zip(xs, arg)]
    if op.startswith("c_"):
        return [([x], [(op, arg, 0)]) for x in xs]
    if op.endswith("_c") or op == "pow":
        return [([x], [(op, 0, arg)]) for x in xs]
    return [([x], [(op, 0)]) for x in xs]


def check_derivatives(student, ref, cases, what, rtol=RTOL, atol=ATOL, second=True):
    """Values, first derivatives and (with `second`) second derivatives of each case, against the reference."""
    script, index = derivative_script(cases)
    got, want = ours_and_reference(student, ref, drv.run, script)
    outs = [entry[1] for entry in index]
    firsts = [k for entry in index for k in entry[2]]
    seconds = [k for entry in index for row in entry[3] for k in row]
    # the value of each expression
    expect(pick(got, outs), pick(want, outs), what=f"{what}: values", rtol=rtol, atol=atol)
    # d out / d leaf, from the inner tape
    expect(pick(got, firsts), pick(want, firsts), what=f"{what}: first derivatives", rtol=rtol, atol=atol)
    if second:
        # the derivative of each of those, from the outer tape: None where the first derivative has no path back
        expect(pick(got, seconds), pick(want, seconds), what=f"{what}: second derivatives from a tape around "
               "gradient", rtol=rtol, atol=atol)


# --------------------------------------------------------------------------- values


@pytest.mark.points(2)
def test_values(student, ref):
    """+ - * / ** unary minus, exp, log, sin, cos, tanh and sigmoid compute the right values, inside a tape or not"""
    rng = np.random.default_rng(SEED)
    leaves = [("var", float(v)) for v in rng.uniform(0.4, 2.0, 2)] + [("const", -1.3), ("var", 0.7)]
    program = [("add", 0, 1), ("sub", 0, 2), ("mul", 1, 2), ("div", 2, 0), ("neg", 3), ("pow", 0, 3),
               ("pow", 1, 0.5), ("pow", 2, -2), ("add_c", 0, 2), ("c_add", 2.5, 1), ("sub_c", 3, 4),
               ("c_sub", 1, 2), ("mul_c", 2, -3), ("c_mul", 0.5, 3), ("div_c", 0, 4), ("c_div", 3, 1)]
    program += [(op, i) for op in ("exp", "sin", "cos", "tanh", "sigmoid") for i in range(4)]
    program += [("log", 0), ("log", 1), ("log", 3)]
    outside = leaves + program
    inside = leaves + [("tape",), ("watch", 0, 2)] + program
    for script, where in ((outside, "with no tape active"), (inside, "inside a tape")):
        # .value of every node, leaves first
        got, want = ours_and_reference(student, ref, drv.run, script)
        expect(got, want, what=f"values of the operations {where}", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_results_are_new_tensors_and_operands_keep_their_values(student, ref):
    """operations on Variables give new Tensors that are not Variables, and leave their operands' values alone"""
    script = [("var", 1.5), ("var", -0.5), ("const", 2.0), ("tape",), ("mul", 0, 1), ("add", 3, 2), ("sin", 4),
              ("c_sub", 1, 5), ("div", 6, 0), ("pow", 7, 2), ("neg", 8), ("exp", 1), ("c_mul", 2.0, 1),
              ("c_add", 0.5, 0), ("exit", 0), ("grad", 0, 9, [0, 1])]
    made, final = parts(student.run(drv.made_and_final, script), 2, what="the driver's result")
    # the values are right
    expect(final, drv.run(ref, script), what="values of the operations", rtol=RTOL, atol=ATOL)
    # no later operation, and no gradient call, changes a node's value
    expect(final, made, what="values of the nodes at the end, against their values when made", rtol=0.0, atol=0.0)
    # operations return Tensors, never Variables, whatever their operands
    expect(student.run(drv.kinds, script), drv.kinds(ref, script), what="the kinds of the nodes (Variable, Tensor)")


# --------------------------------------------------------------------------- each operation's derivatives


@pytest.mark.points(2)
def test_derivatives_of_arithmetic(student, ref):
    """first and second derivatives of + - * / and unary minus, with numbers on either side"""
    ys = [1.9, -0.8, 0.6, 3.0, -1.4, 0.75]
    cases = []
    for op in ("add", "sub", "mul", "div"):
        cases += unary_cases(op, POINTS, ys)
        cases += unary_cases(f"{op}_c", POINTS, -2.5)
        cases += unary_cases(f"c_{op}", [x for x in POINTS if x != 0.0] if op == "div" else POINTS, 1.5)
    cases += unary_cases("neg", POINTS)
    # the mixed second derivatives of x * y and x / y are where a backward written with floats shows
    check_derivatives(student, ref, cases, "arithmetic")


@pytest.mark.points(1)
def test_derivatives_of_pow(student, ref):
    """first and second derivatives of x ** n for integer and non-integer n"""
    cases = unary_cases("pow", POINTS, 2) + unary_cases("pow", POINTS, 3) + unary_cases("pow", POINTS[:2], -1)
    cases += unary_cases("pow", POSITIVE, 0.5) + unary_cases("pow", POSITIVE, -1.5) + unary_cases("pow", POSITIVE, 2.5)
    # n x^(n-1), and n (n - 1) x^(n-2) from the outer tape
    check_derivatives(student, ref, cases, "x ** n")


@pytest.mark.points(1)
def test_derivatives_of_exp_and_log(student, ref):
    """first and second derivatives of exp and log"""
    check_derivatives(student, ref, unary_cases("exp", POINTS) + unary_cases("log", POSITIVE), "exp and log")


@pytest.mark.points(1)
def test_derivatives_of_sin_and_cos(student, ref):
    """first and second derivatives of sin and cos"""
    check_derivatives(student, ref, unary_cases("sin", POINTS) + unary_cases("cos", POINTS), "sin and cos")


@pytest.mark.points(1)
def test_derivatives_of_tanh_and_sigmoid(student, ref):
    """first and second derivatives of tanh and sigmoid"""
    check_derivatives(student, ref, unary_cases("tanh", POINTS) + unary_cases("sigmoid", POINTS), "tanh and sigmoid")


@pytest.mark.points(1)
def test_reflected_operators(student, ref):
    """2 + x, 2 - x, 2 * x and 2 / x: the number is on the left"""
    cases = [([x], [(op, 2.0, 0)]) for op in ("c_add", "c_sub", "c_mul", "c_div") for x in (0.5, -1.25, 4.0)]
    check_derivatives(student, ref, cases, "reflected operators")


# --------------------------------------------------------------------------- the course notes and the handout


@pytest.mark.points(2)
def test_notes_examples(student, ref):
    """y = x w + b at w = 1, b = 2, x = 3: dy/dw = 3, dy/db = 1, d2y/dw2 is None; y = x^2 at 5: 10 and 2"""
    # nodes: w, b, x (a constant), x * w, + b; dy/dw, dy/db; d(dy/dw)/dw, d(dy/db)/db
    notes = [("var", 1.0), ("var", 2.0), ("const", 3.0), ("tape", True), ("tape",), ("mul", 2, 0), ("add", 3, 1),
             ("exit", 1), ("grad", 1, 4, [0, 1]), ("grad", 0, 5, 0), ("grad", 0, 6, 1)]
    expect(student.run(drv.run, notes), (1.0, 2.0, 3.0, 3.0, 5.0, 3.0, 1.0, None, None),
           what="y, dy/dw, dy/db and the second derivatives of the notes' example", rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)
    # nodes: x, x ** 2, dy/dx, d2y/dx2
    square = [("var", 5.0), ("tape",), ("tape",), ("pow", 0, 2), ("exit", 1), ("grad", 1, 1, 0), ("exit", 0),
              ("grad", 0, 2, 0)]
    expect(student.run(drv.run, square), (5.0, 25.0, 10.0, 2.0), what="y, dy/dx and d2y/dx2 of x^2 at 5",
           rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)
    # the examples: d2/dx2 of x^3 is 6x, of sin x is -sin x
    cases = [([1.5], [("pow", 0, 3)]), ([-0.4], [("pow", 0, 3)]), ([0.9], [("sin", 0)]), ([2.8], [("sin", 0)])]
    script, index = derivative_script(cases)
    got = student.run(drv.run, script)
    seconds = tuple(got[row[0]] for entry in index for row in entry[3])
    expect(seconds, (9.0, -2.4, -0.7833269096, -0.3349881502), what="d2/dx2 of x^3 (6x) and of sin x (-sin x)",
           rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)


# --------------------------------------------------------------------------- what a tape tracks, and None


@pytest.mark.points(2)
def test_unconnected_sources_get_none(student, ref):
    """a source the target does not depend on gets None, not 0"""
    # nodes: x, z (unused), c = Tensor(2.0) watched but unused, y = x * x, then the gradients
    script = [("var", 1.5), ("var", -2.0), ("const", 2.0), ("tape", True), ("watch", 0, 2), ("mul", 0, 0),
              ("exit", 0), ("grad", 0, 3, [0, 1, 2]), ("grad", 0, 3, 1), ("grad", 0, 0, 1), ("grad", 0, 2, 0)]
    got, want = ours_and_reference(student, ref, drv.run, script)
    # dy/dx = 3; dy/dz and dy/dc are None, for a list and for a single source; a leaf does not depend on another
    expect(got, want, what="gradients with respect to sources the target does not use", rtol=RTOL, atol=ATOL)
    # the first derivative of a linear function is a constant: its derivative has no path back (None, not 0)
    script = [("var", 0.8), ("var", -1.1), ("tape", True), ("tape",), ("mul_c", 0, 3), ("add", 2, 1), ("c_sub", 4, 3),
              ("exit", 1), ("grad", 1, 4, [0, 1]), ("grad", 0, 5, [0, 1]), ("grad", 0, 6, [0, 1])]
    got, want = ours_and_reference(student, ref, drv.run, script)
    expect(got, want, what="second derivatives of a linear function", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_constants_need_watch(student, ref):
    """a Tensor the tape was not asked to watch gets None, even when the target was computed from it"""
    # nodes: x (Variable), c (constant, never watched), d (constant, watched), x * c + d * d
    script = [("var", 1.2), ("const", 0.5), ("const", -2.0), ("tape",), ("watch", 0, 2), ("mul", 0, 1),
              ("mul", 2, 2), ("add", 3, 4), ("exit", 0), ("grad", 0, 5, [0, 1, 2])]
    got, want = ours_and_reference(student, ref, drv.run, script)
    # d/dx = c, d/dc = None (not watched), d/dd = 2d
    expect(got, want, what="gradients with respect to a Variable, an unwatched and a watched constant",
           rtol=RTOL, atol=ATOL)
    # nothing watched but constants: no operation is recorded, every gradient is None
    script = [("const", 1.2), ("const", 0.5), ("tape",), ("mul", 0, 1), ("exp", 2), ("exit", 0), ("grad", 0, 3, [0, 1])]
    got, want = ours_and_reference(student, ref, drv.run, script)
    expect(got, want, what="gradients when the tape tracks no input", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_watch_records_from_then_on(student, ref):
    """watch: operations on the watched constant from then on are recorded, earlier ones are not"""
    # nodes: c, c * c (before watch), c * 3 (after watch), their sum
    script = [("const", 1.5), ("tape", True), ("mul", 0, 0), ("watch", 0, 0), ("mul_c", 0, 3), ("add", 1, 2),
              ("exit", 0), ("grad", 0, 3, 0), ("grad", 0, 2, 0), ("grad", 0, 1, 0)]
    got, want = ours_and_reference(student, ref, drv.run, script)
    # d(c*c + 3c)/dc = 3 (the square ran unwatched), d(3c)/dc = 3, d(c*c)/dc = None
    expect(got, want, what="gradients around a watch in the middle of the block", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_variables_are_watched(student, ref):
    """a Variable is tracked by every tape without watch, also one made while the tape is active"""
    script = [("var", 0.6), ("tape",), ("var", -1.4), ("mul", 0, 1), ("tanh", 2), ("exit", 0), ("grad", 0, 3, [0, 1])]
    got, want = ours_and_reference(student, ref, drv.run, script)
    # d tanh(xy)/dx and /dy
    expect(got, want, what="gradients with respect to Variables nobody watched", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_gradient_keeps_the_structure_of_sources(student, ref):
    """one source gives one gradient, a list of sources a list of the same length"""
    script = [("var", 2.0), ("var", 3.0), ("tape", True), ("mul", 0, 1), ("exit", 0), ("grad", 0, 2, 0),
              ("grad", 0, 2, [1]), ("grad", 0, 2, [1, 0, 1]), ("grad", 0, 2, []), ("grad", 0, 2, 2)]
    # the driver checks the structure of each answer; dy/dy = 1 for the target itself
    got, want = ours_and_reference(student, ref, drv.run, script)
    expect(got, want, what="gradients for one source, for lists of sources, and for the target itself",
           rtol=RTOL, atol=ATOL)


# --------------------------------------------------------------------------- one-shot and persistent tapes


@pytest.mark.points(2)
def test_a_tape_that_is_not_persistent_answers_once(student, ref):
    """a tape that is not persistent answers its first gradient call and raises RuntimeError on the next"""
    script = [("var", 2.0), ("tape",), ("pow", 0, 3), ("exit", 0), ("try_grad", 0, 1, 0), ("try_grad", 0, 1, 0),
              ("try_grad", 0, 1, [0])]
    got = student.run(drv.run, script)
    # the first call answers 3 x^2 = 12; each later call raises RuntimeError with a message
    expect(got, (2.0, 8.0, 12.0, "RuntimeError", "RuntimeError"),
           what="a one-shot tape's first, second and third gradient calls", rtol=RTOL, atol=ATOL)
    # the same holds for a tape asked first about another target
    script = [("var", 2.0), ("tape",), ("pow", 0, 3), ("exp", 0), ("exit", 0), ("try_grad", 0, 2, 0),
              ("try_grad", 0, 1, 0)]
    got, want = ours_and_reference(student, ref, drv.run, script)
    expect(got, want, what="a one-shot tape asked about two targets", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_a_persistent_tape_answers_again(student, ref):
    """a persistent tape answers every gradient call, the same each time"""
    script = [("var", 0.7), ("var", -1.2), ("tape", True), ("mul", 0, 1), ("sin", 2), ("add", 3, 0), ("exit", 0)]
    script += [("try_grad", 0, 4, [0, 1]), ("try_grad", 0, 3, [0, 1]), ("try_grad", 0, 4, [0, 1]),
               ("try_grad", 0, 2, 1)]
    got, want = ours_and_reference(student, ref, drv.run, script)
    # four calls, none raising; the third repeats the first
    expect(got, want, what="four gradient calls on one persistent tape", rtol=RTOL, atol=ATOL)


# --------------------------------------------------------------------------- recording


@pytest.mark.points(1)
def test_recording_stops_at_exit(student, ref):
    """operations after a tape's with block has ended are not recorded on it"""
    # nodes: x, y = x * x inside, z = y * x after the block, then dz/dx, dy/dx
    script = [("var", 1.5), ("tape", True), ("mul", 0, 0), ("exit", 0), ("mul", 1, 0), ("exp", 2),
              ("grad", 0, 3, 0), ("grad", 0, 2, 0), ("grad", 0, 1, 0)]
    got, want = ours_and_reference(student, ref, drv.run, script)
    # z and exp(z) were not recorded: None; y was: 2x
    expect(got, want, what="gradients of results made after the block ended", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_an_error_in_the_block_goes_on(student, ref):
    """an exception raised in a tape's with block comes out of it, and the tape stops recording"""
    got = student.run(drv.error_in_block, 1.5)
    # the ValueError is not swallowed; y = x^2 was recorded (dy/dx = 3), z = y x after the block was not (None)
    expect(got, drv.error_in_block(ref, 1.5), what="an exception in the block, then gradients", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_nested_tapes_both_record(student, ref):
    """with two tapes active, each records the operations that read a Tensor it tracks"""
    # outer records everything from its start, inner only its own block; x made before both, y inside outer only
    script = [("var", 0.9), ("tape", True), ("var", -0.6), ("mul", 0, 1), ("tape", True), ("sin", 2), ("mul", 3, 0),
              ("sigmoid", 4), ("exit", 1), ("add", 5, 1), ("exit", 0)]
    script += [("grad", 1, 5, [0, 1, 2, 3]), ("grad", 0, 5, [0, 1, 2, 3]), ("grad", 0, 6, [0, 1, 2]),
               ("grad", 1, 6, [0, 1])]
    got, want = ours_and_reference(student, ref, drv.run, script)
    # the inner tape records only what reads a Tensor it tracks: xy and sin(xy) are not among them, so it sees
    # sin(xy) * x through x alone and gives None for y, xy and sin(xy); the outer tape sees every path
    expect(got, want, what="first derivatives from an inner and an outer tape", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_shared_subexpressions_add_up(student, ref):
    """a Tensor used several times collects the gradient of every use"""
    cases = [
        ([3.0], [("mul", 0, 0)]),                                               # x * x: 2x
        ([-1.5], [("add", 0, 0)]),                                              # x + x: 2
        ([0.7], [("mul", 0, 0), ("mul", 1, 0)]),                                # x^3 by products: 3x^2, 6x
        ([1.2], [("sin", 0), ("mul", 1, 1), ("mul", 1, 0), ("add", 2, 3)]),     # sin^2 x + x sin x
        ([0.6, -0.9], [("mul", 0, 1), ("exp", 2), ("mul", 3, 2), ("add", 4, 3), ("div", 5, 0)]),  # (e^u u + e^u) / x
        ([0.5], [("tanh", 0), ("mul", 1, 0), ("add", 2, 1), ("mul", 3, 1)]),    # (t x + t) t, t = tanh x
    ]
    # every use adds to the gradient, and so does every use in the backward pass: second derivatives too
    check_derivatives(student, ref, cases, "expressions that reuse a Tensor")


@pytest.mark.points(2)
def test_the_record_is_walked_backwards(student, ref):
    """long chains and forks: each entry hands its gradient on only once it is complete"""
    chain = ([0.4], [("sin", 0), ("mul_c", 1, 2), ("exp", 2), ("c_sub", 3, 3), ("tanh", 4), ("pow", 5, 2),
                     ("add", 6, 0)])
    fork = ([1.1, -0.3], [("mul", 0, 1), ("sin", 2), ("cos", 2), ("mul", 3, 4), ("add", 5, 2), ("sigmoid", 6),
                          ("mul", 7, 3)])
    staged = ([3.0, -4.0], [("sigmoid", 1), ("add", 0, 2), ("sigmoid", 0), ("add", 0, 1), ("pow", 5, 2),
                            ("add", 4, 6), ("div", 3, 7)])  # a06's (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)
    check_derivatives(student, ref, [chain, fork, staged], "chains and forks")
    script, index = derivative_script([staged], inner_persistent=False)
    got = student.run(drv.run, script)
    # a06's staged example: f = 1.5456448841, df/dx = 2.0595697956, df/dy = 1.5922327515
    expect((got[index[0][1]], *pick(got, index[0][2])), (1.5456448841, 2.0595697956, 1.5922327515),
           what="f, df/dx and df/dy of assignment 6's staged example", rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)


@pytest.mark.points(2)
def test_gradients_are_recorded_on_an_outer_tape(student, ref):
    """the gradient computation is recorded on a tape around it: second and third derivatives"""
    # three nested tapes: d/dx, d2/dx2 and d3/dx3 of x^4 at 1.5 (6, 27, 36) and of x sin x at 0.8
    def third(x, program):
        return [("var", x), ("tape",), ("tape",), ("tape",)] + program + [
            ("exit", 2), ("grad", 2, len(program), 0), ("exit", 1), ("grad", 1, len(program) + 1, 0), ("exit", 0),
            ("grad", 0, len(program) + 2, 0)]
    for x, program, what in ((1.5, [("pow", 0, 4)], "x^4"), (0.8, [("sin", 0), ("mul", 1, 0)], "x sin x"),
                             (0.3, [("sigmoid", 0)], "sigmoid")):
        script = third(x, program)
        got, want = ours_and_reference(student, ref, drv.run, script)
        # the value and its first three derivatives
        expect(got[-4:], want[-4:], what=f"{what} and its first three derivatives from three nested tapes",
               rtol=RTOL, atol=ATOL)
    # mixed second derivatives of f(x, y) = sin(x y) + x / y, with both tapes persistent
    check_derivatives(student, ref, [([0.7, 1.3], [("mul", 0, 1), ("sin", 2), ("div", 0, 1), ("add", 3, 4)])],
                      "second derivatives of sin(xy) + x / y")


# --------------------------------------------------------------------------- seeded random expressions

STEP_OPS = ("add", "sub", "mul", "div", "add_c", "sub_c", "mul_c", "div_c", "c_add", "c_sub", "c_mul", "c_div",
            "pow", "neg", "exp", "log", "sin", "cos", "tanh", "sigmoid")
CONSTANTS = (2, -3, 0.5, 1.5, -0.25)
EXPONENTS = (2, 3, -1, 0.5, 1.5)  # never 0 or 1: x ** 1 has a derivative that depends on how it is written


def random_expression(ref, seed, n_leaves=3, n_steps=24):
    """A seeded random program whose nodes are reused; every node feeds the last one.

    Steps are drawn until n_steps are kept; the reference rejects those that would divide by a small number, take the
    log or a non-integer power of a number near or below 0, a negative power of a number near 0, or leave [-8, 8].
    Unused nodes are then added to the output.
    """
    rng = np.random.default_rng(seed)
    leaves = [float(v) for v in rng.uniform(-1.5, 1.5, n_leaves)]
    nodes = [ref.Tensor(v) for v in leaves]
    program, used = [], set()

    def pick_node():
        # recent nodes are likelier, so chains grow deep; older ones get reused
        return max(0, len(nodes) - int(rng.geometric(0.35)))

    while len(program) < n_steps:
        op = STEP_OPS[rng.integers(len(STEP_OPS))]
        i, j = pick_node(), pick_node()
        c, n = CONSTANTS[rng.integers(len(CONSTANTS))], EXPONENTS[rng.integers(len(EXPONENTS))]
        if op == "pow":
            step, operands = ("pow", i, n), (i,)
        elif op.startswith("c_"):
            step, operands = (op, c, i), (i,)
        elif op.endswith("_c"):
            step, operands = (op, i, c), (i,)
        elif op in drv.UNARY:
            step, operands = (op, i), (i,)
        else:
            step, operands = (op, i, j), (i, j)
        x = nodes[i].value
        if (op == "div" and abs(nodes[j].value) < 0.5) or (op == "c_div" and abs(x) < 0.5) \
                or (op == "pow" and n < 0 and abs(x) < 0.5) or (op == "pow" and n != int(n) and x < 0.3) \
                or (op == "log" and x < 0.3):
            continue
        out = drv._operation(nodes, step)
        if not abs(out.value) <= 8:
            continue
        nodes.append(out)
        program.append(step)
        used.update(operands)
    last = len(nodes) - 1
    for k in range(len(nodes) - 1):
        if k not in used:
            program.append(("add", last, k))
            last = n_leaves + len(program) - 1
    return leaves, program


@pytest.mark.points(3)
def test_random_expressions(student, ref):
    """seeded random expressions: values, every first derivative and every second derivative"""
    cases = [random_expression(ref, seed) for seed in range(SEED, SEED + 4)]
    cases.append(([2, -3], [("mul", 0, 1), ("add_c", 2, 7), ("c_div", 1, 0), ("pow", 3, 2), ("add", 4, 5)]))
    # integer leaves and constants: 1 / 2 is 0.5
    check_derivatives(student, ref, cases, "random expressions", rtol=GRAPH_RTOL, atol=GRAPH_ATOL)


# --------------------------------------------------------------------------- derivatives, Newton, gradient descent

PROBES = (drv.cube_minus_2x, drv.sine, drv.x_sin_x, drv.exp_minus_2x, drv.softplus_tilted, drv.mixture)


@pytest.mark.points(2)
def test_derivatives(student, ref):
    """derivatives(f, x): f(x), f'(x) and f''(x) as floats"""
    for f in PROBES:
        for x in (0.4, 1.3, 2.2) if f is drv.mixture else (-1.7, 0.0, 0.4, 2.2):
            # (y, dy, d2y) of one function at one point
            expect(student.derivatives(f, x), ref.derivatives(f, x), what=f"derivatives of {f.__name__}",
                   rtol=RTOL, atol=ATOL)
    # an integer point gives floats too
    expect(student.derivatives(drv.cube_minus_2x, 2), (4.0, 10.0, 12.0), what="derivatives at an integer point",
           rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)


@pytest.mark.points(1)
def test_derivatives_none_is_zero(student, ref):
    """derivatives gives 0.0 where a tape reports None"""
    # f(x) = 3x + 1: f'' has no path back to x
    expect(student.derivatives(drv.line, 1.0), (4.0, 3.0, 0.0), what="derivatives of 3x + 1", rtol=ANCHOR_RTOL,
           atol=ANCHOR_ATOL)


@pytest.mark.points(2)
def test_newton(student, ref):
    """Newton's method: every iterate, from several starts"""
    for f, x0, steps in ((drv.exp_minus_2x, 2.0, 6), (drv.exp_minus_2x, -1.0, 5), (drv.softplus_tilted, 1.0, 5),
                         (drv.cube_minus_2x, 1.5, 7), (drv.mixture, 2.5, 4)):
        # x_0 and the point after each step
        expect(student.newton(f, x0, steps), ref.newton(f, x0, steps), what=f"Newton's iterates on {f.__name__}",
               rtol=RTOL, atol=ATOL)
    # an integer start and no steps at all
    expect(student.newton(drv.exp_minus_2x, 2, 0), np.array([2.0]), what="Newton's iterates after 0 steps",
           rtol=0.0, atol=0.0)


@pytest.mark.points(2)
def test_gradient_descent(student, ref):
    """gradient descent: every iterate, from several starts"""
    for f, x0, lr, steps in ((drv.exp_minus_2x, 2.0, 0.3, 12), (drv.softplus_tilted, -2.0, 2.0, 10),
                             (drv.cube_minus_2x, 1.5, 0.05, 15), (drv.sine, 1.0, 0.5, 8)):
        # x_0 and the point after each step
        expect(student.gradient_descent(f, x0, lr, steps), ref.gradient_descent(f, x0, lr, steps),
               what=f"gradient descent's iterates on {f.__name__}", rtol=RTOL, atol=ATOL)
    # an integer start and no steps at all
    expect(student.gradient_descent(drv.sine, 1, 0.1, 0), np.array([1.0]),
           what="gradient descent's iterates after 0 steps", rtol=0.0, atol=0.0)
