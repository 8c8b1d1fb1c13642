"""Hidden tests for a08_autograd, graded against solutions/a08_autograd/autograd.py.

A Value cannot leave the sandbox: every test builds its graph with a driver from autograder/drivers/a08_autograd.py
and compares the .data and .grad it reads back with the same driver run on the reference. Graphs are written as
programs (see the drivers' docstring): leaves first, then one node per step.
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_same, parts
from autograder.drivers import a08_autograd as drv

SEED = 808
RTOL = 1e-9          # one operation or a short chain: correct formulas differ by a few ulps
ATOL = 1e-12         # for values that are (nearly) zero
GRAPH_RTOL = 1e-7    # long random graphs: rounding differences add up through dozens of nodes
GRAPH_ATOL = 1e-9
ANCHOR4_ATOL = 5e-5  # micrograd's README prints its numbers with 4 decimals
ANCHOR_RTOL = 1e-9   # anchors given to 10 significant digits
ANCHOR_ATOL = 1e-10


def ours_and_reference(student, ref, fn, *args):
    """Run driver `fn` in the sandbox on the submission and in this process on the reference."""
    return student.run(fn, *args), fn(ref, *args)


def operand_slots(op):
    """Positions, among a step's arguments, that hold node indices (the others hold numbers)."""
    if op.startswith("c_"):
        return (1,)
    if op in drv._BINARY:
        return (0, 1)
    return (0,)


def combine(graphs):
    """Lay several independent graphs out as one program: all leaves first, then all steps.

    graphs: a list of (inputs, program) written with their own node indices.
    Returns (inputs, program, outputs) with outputs the index of each graph's last node, so that one call of
    drv.gradients (backward on each output in turn) gives each graph the gradients it would get alone.
    """
    n_leaves = sum(len(inputs) for inputs, _ in graphs)
    all_inputs, all_steps, outputs = [], [], []
    for inputs, program in graphs:
        leaf0, step0, n_in = len(all_inputs), n_leaves + len(all_steps), len(inputs)

        def place(k):
            return leaf0 + k if k < n_in else step0 + k - n_in

        for op, *args in program:
            all_steps.append((op, *[place(a) if pos in operand_slots(op) else a for pos, a in enumerate(args)]))
        all_inputs.extend(inputs)
        outputs.append(place(n_in + len(program) - 1))
    return all_inputs, all_steps, tuple(outputs)


def single_ops(op, xs, arg=None):
    """One graph per x: `op` applied to a leaf x alone (with `arg` as constant or exponent), or, when `arg`
    is a list, x `op` y on two leaves for the matching y."""
    if op in drv._BINARY:
        return [([x, y], [(op, 0, 1)]) for x, y in zip(xs, arg)]
    if op.startswith("c_"):
        return [([x], [(op, arg, 0)]) for x in xs]
    if op.endswith("_c") or op == "pow":
        return [([x], [(op, 0, arg)]) for x in xs]
    return [([x], [(op, 0)]) for x in xs]


def local_derivatives(student, ref, graphs, what):
    """Backward on each one-operation graph: its output's .data and its leaves' .grad (the local derivatives)."""
    got, want = ours_and_reference(student, ref, drv.gradients, *combine(graphs))
    # out.data of every output
    expect(got[0], want[0], what=f"{what}: values", rtol=RTOL, atol=ATOL)
    # each leaf's .grad is the local derivative of its own operation
    expect(got[1], want[1], what=f"{what}: gradients", rtol=RTOL, atol=ATOL)


def away_from_zero(rng, n, low=0.3, high=2.5):
    """n seeded floats with low <= |x| <= high, both signs."""
    return [float(v) for v in rng.uniform(low, high, n) * rng.choice([-1.0, 1.0], n)]


# --------------------------------------------------------------------------- forward pass


@pytest.mark.points(2)
def test_forward_values(student, ref):
    """+, -, *, /, **, unary minus, exp, tanh and sigmoid compute the right values"""
    rng = np.random.default_rng(SEED)
    inputs = away_from_zero(rng, 3) + [1.7, -3.0, -0.7, 0.0, 0.4, 2.5]  # node 3 > 0 for non-integer exponents
    program = [("add", 0, 1), ("sub", 0, 1), ("mul", 1, 2), ("div", 0, 2), ("div", 2, 1),
               ("pow", 0, 2), ("pow", 1, 3), ("pow", 2, -1), ("pow", 3, 0.5), ("pow", 3, -1.5), ("neg", 1),
               ("add_c", 0, 2), ("add_c", 1, -0.75), ("sub_c", 2, 3), ("mul_c", 0, -4), ("mul_c", 1, 0.5),
               ("div_c", 2, 4), ("div_c", 0, -0.8)]
    program += [(op, i) for op in ("exp", "tanh", "sigmoid") for i in range(4, 9)]
    got, want = ours_and_reference(student, ref, drv.forward, inputs, program)
    # .data of every node, leaves first
    expect(got[0], want[0], what="values of the operations", rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_forward_leaves_operands_alone(student):
    """building a graph changes no operand's .data and leaves every .grad at 0"""
    rng = np.random.default_rng(SEED + 2)
    inputs = away_from_zero(rng, 3)
    program = [("mul", 0, 1), ("add", 3, 2), ("tanh", 4), ("c_sub", 1, 5), ("div", 6, 0), ("pow", 7, 2),
               ("sigmoid", 8), ("exp", 2), ("neg", 10), ("c_div", 2, 1), ("add", 0, 0)]
    data, grad, made = student.run(drv.forward, inputs, program)
    # every node, operands included, still holds the .data it was made with, right or wrong
    expect_same(data, made, what="operands' .data after building a graph on them")
    # the leaves hold their inputs
    expect(data[:3], np.array(inputs), what="the leaves' .data", rtol=0.0, atol=0.0)
    # no backward yet: every .grad is 0
    expect(grad, np.zeros(len(inputs) + len(program)), what=".grad of every node before backward",
           rtol=0.0, atol=0.0)


@pytest.mark.points(1)
def test_new_nodes_leave_operand_grads_alone(student, ref):
    """a new node's .grad is 0 and its operands keep theirs, also when the operands' .grad is not 0"""
    rng = np.random.default_rng(SEED + 21)
    inputs = away_from_zero(rng, 3)
    grads = nonzero_grads(rng, 3)
    program = [(op, 0, 1) for op in drv._BINARY] + [(f"{op}_c", 2, 1.5) for op in drv._BINARY] \
        + [(f"c_{op}", -2, 0) for op in drv._BINARY] + [("pow", 1, 2), ("neg", 2), ("exp", 0), ("tanh", 1),
                                                     ("sigmoid", 2), ("mul", 3, 4), ("add", 5, 0)]
    data, grad = student.run(drv.forward_on_graded_leaves, inputs, grads, program)
    # the leaves keep the non-zero .grad they were given; every node made from them starts at 0
    expect(grad, np.append(grads, np.zeros(len(program))), what=".grad of operands and of new nodes",
           rtol=0.0, atol=0.0)
    # and the values are right
    expect(data, drv.forward_on_graded_leaves(ref, inputs, grads, program)[0], what="values of the new nodes",
           rtol=RTOL, atol=ATOL)


# --------------------------------------------------------------------------- local derivatives, one operation at a time


@pytest.mark.points(2)
def test_grad_arithmetic(student, ref):
    """local derivatives of x + y, x - y, x * y, x / y and -x, with Values and with numbers"""
    rng = np.random.default_rng(SEED + 3)
    xs, ys = away_from_zero(rng, 4), away_from_zero(rng, 4)
    graphs = [g for op in ("add", "sub", "mul", "div") for arg in (ys, 3, -0.25)
              for g in single_ops(op if isinstance(arg, list) else f"{op}_c", xs, arg)]
    # 1 and 1; 1 and -1; y and x; 1 / y and -x / y^2; -1
    local_derivatives(student, ref, graphs + single_ops("neg", xs), what="x + y, x - y, x * y, x / y and -x")


@pytest.mark.points(2)
def test_reflected_operators(student, ref):
    """2 + x, 2 - x, 2 * x and 2 / x: values and local derivatives"""
    rng = np.random.default_rng(SEED + 5)
    xs = away_from_zero(rng, 4)
    graphs = [g for op in ("c_add", "c_sub", "c_mul", "c_div") for c in (2, -1.5) for g in single_ops(op, xs, c)]
    # the number is on the left: c - x (derivative -1), not x - c; c / x (derivative -c / x^2), not x / c
    local_derivatives(student, ref, graphs, what="number + - * / Value")


@pytest.mark.points(1)
def test_grad_pow(student, ref):
    """local derivative of x ** n for integer and non-integer n"""
    rng = np.random.default_rng(SEED + 6)
    xs, positive = away_from_zero(rng, 4), [float(v) for v in rng.uniform(0.3, 2.5, 4)]
    graphs = [g for n in (2, 3, -1, -2, 1) for g in single_ops("pow", xs, n)]      # negative bases included
    graphs += [g for n in (0.5, 2.5, -1.5) for g in single_ops("pow", positive, n)]
    graphs += [g for n in (2, 3) for g in single_ops("pow", [0.0], n)]             # 0 ** 2, 0 ** 3: derivative 0
    # n x^(n - 1)
    local_derivatives(student, ref, graphs, what="x ** n")


@pytest.mark.points(1)
def test_grad_exp(student, ref):
    """local derivative of exp"""
    # d e^x / dx = e^x
    local_derivatives(student, ref, single_ops("exp", [-2.5, -0.3, 0.0, 0.8, 3.0]), what="exp")


@pytest.mark.points(1)
def test_grad_tanh(student, ref):
    """local derivative of tanh"""
    # 1 - tanh(x)^2; at 0 it is 1, so 0 alone cannot tell a missing square
    local_derivatives(student, ref, single_ops("tanh", [-2.5, -0.3, 0.0, 0.8, 3.0]), what="tanh")


@pytest.mark.points(1)
def test_grad_sigmoid(student, ref):
    """local derivative of sigmoid"""
    # s (1 - s) with s = sigmoid(x)
    local_derivatives(student, ref, single_ops("sigmoid", [-2.5, -0.3, 0.0, 0.8, 3.0]), what="sigmoid")


# --------------------------------------------------------------------------- whole graphs: anchors and reuse


@pytest.mark.points(2)
def test_micrograd_readme(student, ref):
    """micrograd's README expression: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773"""
    got = student.run(drv.micrograd_readme)
    # the numbers micrograd's README prints
    expect(got, (24.7041, 138.8338, 645.5773), what="g.data, a.grad and b.grad of the README expression",
           rtol=0.0, atol=ANCHOR4_ATOL)
    expect(got, drv.micrograd_readme(ref), what="g.data, a.grad and b.grad of the README expression, all digits",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_reused_variable(student, ref):
    """gradients add up when a variable is used more than once (micrograd's sanity check: dy/dx = 46)"""
    got = student.run(drv.micrograd_sanity)
    # x is used five times; each use must add to x.grad
    expect(got, (-20.0, 46.0), what="y.data and x.grad of micrograd's sanity check", rtol=ANCHOR_RTOL,
           atol=ANCHOR_ATOL)
    graphs = [
        ([3.0], [("mul", 0, 0)]),                                   # x * x: 2x
        ([-1.5], [("add", 0, 0)]),                                  # x + x: 2
        ([1.25], [("sub", 0, 0)]),                                  # x - x: 0
        ([0.7], [("mul", 0, 0), ("mul", 1, 0)]),                    # x * x * x: 3x^2
        ([1.5, -2.0], [("add", 0, 1), ("mul", 2, 0)]),              # (x + y) * x
        ([0.6], [("tanh", 0), ("mul", 1, 0), ("add", 2, 1)]),       # tanh(x) x + tanh(x)
        ([0.9, -0.4], [("mul", 0, 1), ("sigmoid", 2), ("mul", 3, 0), ("exp", 2), ("add", 4, 5),
                       ("div", 6, 1)]),                             # (sigmoid(xy) x + e^(xy)) / y
    ]
    got, want = ours_and_reference(student, ref, drv.gradients, *combine(graphs))
    # d(output)/d(node) summed over every path, for every node
    expect(got[1], want[1], what="gradients in graphs that reuse a variable", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_assignment6_graphs(student, ref):
    """the staged example, (x + y) z and the two neurons of assignment 6"""
    staged = ([3, -4], [("sigmoid", 1), ("add", 0, 2), ("sigmoid", 0), ("add", 0, 1), ("pow", 5, 2),
                        ("add", 4, 6), ("div", 3, 7)])  # (x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)
    add_mul = ([-2.0, 5.0, -4.0], [("add", 0, 1), ("mul", 3, 2)])  # (x + y) z
    sigmoid_neuron = ([2.0, -3.0, -3.0, -1.0, -2.0],  # sigmoid(w0 x0 + w1 x1 + w2), leaves w0, w1, w2, x0, x1
                      [("mul", 0, 3), ("mul", 1, 4), ("add", 5, 6), ("add", 7, 2), ("sigmoid", 8)])
    tanh_neuron = ([0.3, -0.2],  # (1 - tanh(2w + b))^2, leaves w, b
                   [("mul_c", 0, 2), ("add", 2, 1), ("tanh", 3), ("c_sub", 1, 4), ("pow", 5, 2)])
    inputs, program, outputs = combine([staged, add_mul, sigmoid_neuron, tanh_neuron])
    data, grad = student.run(drv.gradients, inputs, program, outputs)
    # f, df/dx, df/dy of the staged example (overwriting at the forks gives df/dx = 0.5121444488)
    expect((data[outputs[0]], grad[0:2]), (1.5456448841, np.array([2.0595697956, 1.5922327515])),
           what="f, df/dx and df/dy of the staged example", rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)
    # f = -12 and its gradients (-4, -4, 3)
    expect((data[outputs[1]], grad[2:5]), (-12.0, np.array([-4.0, -4.0, 3.0])),
           what="f and its gradients for (x + y) z", rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)
    # f = 0.7310585786, dw, dx
    expect((data[outputs[2]], grad[5:10]),
           (0.7310585786, np.array([-0.1966119332, -0.3932238665, 0.1966119332, 0.3932238665, -0.5898357997])),
           what="f, dw and dx of the sigmoid neuron", rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)
    # L = 0.3844632894, dL/dw, dL/db
    expect((data[outputs[3]], grad[10:12]), (0.3844632894, np.array([-2.1221588690, -1.0610794345])),
           what="L, dL/dw and dL/db of the tanh neuron", rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)
    # every intermediate node too
    expect((data, grad), drv.gradients(ref, inputs, program, outputs), what="values and gradients of every node",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_network(student, ref):
    """the two-layer sigmoid network of assignment 7, one Value per weight"""
    W1, b1 = np.array([[0.15, 0.2], [0.25, 0.3]]), np.array([0.35, 0.35])
    W2, b2 = np.array([[0.4, 0.45], [0.5, 0.55]]), np.array([0.6, 0.6])
    x, y = np.array([0.05, 0.1]), np.array([0.01, 0.99])
    got = student.run(drv.network, W1, b1, W2, b2, x, y)
    # C and dW2 from the anchor material
    expect((got[0], got[3]), (0.2983711088, np.array([[0.08216704, 0.08266763], [-0.02260254, -0.02274024]])),
           what="C and dC/dW2 of the anchor network", rtol=0.0, atol=5e-9)
    expect(got, drv.network(ref, W1, b1, W2, b2, x, y), what="C, dW1, db1, dW2, db2 of the anchor network",
           rtol=RTOL, atol=ATOL)
    rng = np.random.default_rng(SEED + 7)
    args = (rng.normal(0, 1, (3, 4)), rng.normal(0, 1, 3), rng.normal(0, 1, (2, 3)), rng.normal(0, 1, 2),
            rng.normal(0, 1, 4), rng.uniform(0, 1, 2))
    # a seeded 4-3-2 network
    expect(student.run(drv.network, *args), drv.network(ref, *args), what="C and gradients of a random network",
           rtol=RTOL, atol=ATOL)


# --------------------------------------------------------------------------- seeded random graphs

STEP_OPS = ("add", "sub", "mul", "div", "add_c", "sub_c", "mul_c", "div_c", "c_add", "c_sub", "c_mul", "c_div",
            "pow", "neg", "exp", "tanh", "sigmoid")
CONSTANTS = (2, -3, 0.5, 1.5, -0.25)
EXPONENTS = (2, 3, -1, 0.5, 1.5)


def random_graph(ref, seed, n_inputs=3, n_steps=30):
    """A seeded random program whose nodes are reused; every node feeds the last one.

    Steps are drawn until n_steps are kept; the reference rejects those that would divide by a small number,
    take a non-integer power of a number near or below 0, or leave [-20, 20]. Unused nodes are then summed.
    """
    rng = np.random.default_rng(seed)
    inputs = [float(v) for v in rng.uniform(-2, 2, n_inputs)]
    nodes = [ref.Value(v) for v in inputs]
    program, used = [], set()

    def pick():
        # recent nodes are likelier, so chains grow deep; older ones get reused
        return max(0, len(nodes) - int(rng.geometric(0.35)))

    while len(program) < n_steps:
        op = STEP_OPS[rng.integers(len(STEP_OPS))]
        i, j = pick(), pick()
        c, n = CONSTANTS[rng.integers(len(CONSTANTS))], EXPONENTS[rng.integers(len(EXPONENTS))]
        if op == "pow":
            step, operands = ("pow", i, n), (i,)
        elif op.startswith("c_"):
            step, operands = (op, c, i), (i,)
        elif op.endswith("_c"):
            step, operands = (op, i, c), (i,)
        elif op in drv._UNARY:
            step, operands = (op, i), (i,)
        else:
            step, operands = (op, i, j), (i, j)
        x = nodes[i].data
        if (op == "div" and abs(nodes[j].data) < 0.5) or (op == "c_div" and abs(x) < 0.5) \
                or (op == "pow" and n < 0 and abs(x) < 0.5) or (op == "pow" and n != int(n) and x < 0.3):
            continue
        out = drv._step(nodes, step)
        if not abs(out.data) <= 20:
            continue
        nodes.append(out)
        program.append(step)
        used.update(operands)
    last = len(nodes) - 1
    for k in range(len(nodes) - 1):
        if k not in used:
            program.append(("add", last, k))
            last = n_inputs + len(program) - 1
    return inputs, program


@pytest.mark.points(2)
def test_random_graphs(student, ref):
    """seeded random graphs with reused nodes, and integer inputs: every value and every gradient"""
    integers = ([3, -2, 5], [("mul", 0, 1), ("add_c", 3, 7), ("c_sub", 1, 2), ("c_div", 3, 0), ("div", 2, 1),
                             ("pow", 4, 2), ("pow", 5, -1), ("mul_c", 8, 4), ("add", 9, 10), ("add", 11, 6),
                             ("add", 12, 7)])  # int leaves, int constants, int exponents: 1 / 3 is 0.333...
    graphs = combine([random_graph(ref, seed) for seed in (SEED + 10, SEED + 11, SEED + 12)] + [integers])
    got, want = ours_and_reference(student, ref, drv.gradients, *graphs)
    # .data of every node
    expect(got[0], want[0], what="values in random graphs", rtol=GRAPH_RTOL, atol=GRAPH_ATOL)
    # .grad of every node after one backward per graph
    expect(got[1], want[1], what="gradients in random graphs", rtol=GRAPH_RTOL, atol=GRAPH_ATOL)
    # the same graphs built again give the same numbers (up to rounding: sets of children have no fixed order,
    # so gradients may be summed in another order)
    expect(student.run(drv.gradients, *graphs), got, what="the same graphs twice", rtol=GRAPH_RTOL,
           atol=GRAPH_ATOL)


# --------------------------------------------------------------------------- accumulation and zero_grad


@pytest.mark.points(2)
def test_backward_accumulates(student, ref):
    """gradients add up over backward calls: on outputs that share leaves, and twice on one graph"""
    # leaves a, b; outputs a * a (node 2), a * b (node 3) and a + b (node 4): a.grad = 2a + b + 1, b.grad = a + 1
    program = [("mul", 0, 0), ("mul", 0, 1), ("add", 0, 1)]
    got, want = ours_and_reference(student, ref, drv.grad_history, [2.0, -3.0], program,
                                   [("backward", 2), ("backward", 3), ("backward", 4)])
    # .grad of every node after each backward: nothing is reset in between
    expect(got, want, what="gradients after backward on several outputs in turn", rtol=RTOL, atol=ATOL)
    got = student.run(drv.grad_history, [-2.0, 5.0, -4.0], [("add", 0, 1), ("mul", 3, 2)],
                      [("backward", 4), ("backward", 4)])
    # the output is seeded with 1 again (not 2); q = x + y keeps its gradient, so x gets -4 + (-8)
    expect(got[1][[0, 2]], np.array([-12.0, 6.0]), what="x.grad and z.grad after two backward calls on (x + y) z",
           rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)


DEEP = [("add", 0, 1), ("mul", 3, 2), ("tanh", 4), ("mul", 5, 0), ("c_sub", 1, 6), ("pow", 7, 2), ("exp", 8),
        ("mul", 9, 4)]  # leaves x, y, z; four levels of intermediate nodes; x and node 4 are reused


def nonzero_grads(rng, n):
    """n seeded gradients with 0.5 <= |g| <= 2, both signs: a state in which a reset can be seen."""
    return away_from_zero(rng, n, 0.5, 2.0)


@pytest.mark.points(2)
def test_zero_grad(student):
    """zero_grad resets every node reachable from self, intermediate ones included, and only those"""
    out = 3 + len(DEEP) - 1
    inputs, program = [0.4, -0.3, 1.2], DEEP + [("mul_c", 0, 3)]  # node out + 1 = 3x: not reachable from `out`
    n = len(inputs) + len(program)
    grads = nonzero_grads(np.random.default_rng(SEED + 20), n)
    actions = [("set_grad", k, g) for k, g in enumerate(grads)] + [("zero_grad", out)]
    history = student.run(drv.grad_history, inputs, program, actions)
    # first a state where a reset shows: every node holds the non-zero .grad it was given, read back
    expect(history[n - 1], np.array(grads), what=".grad of every node, set before zero_grad", rtol=0.0, atol=0.0)
    # then every node reachable from `out`, x included, holds 0; the other output keeps the .grad it was given
    expect(history[n], np.append(np.zeros(n - 1), grads[-1]), what=".grad of every node after zero_grad",
           rtol=0.0, atol=0.0)


@pytest.mark.points(2)
def test_zero_grad_after_backward(student):
    """zero_grad after backward: every computed gradient is reset, and a new backward starts from 0"""
    out = 3 + len(DEEP) - 1
    inputs, program = [0.4, -0.3, 1.2], DEEP + [("mul_c", 0, 3)]  # node out + 1 = 3x: not reachable from `out`
    actions = [("backward", out + 1), ("backward", out), ("zero_grad", out), ("backward", out)]
    history = student.run(drv.grad_history, inputs, program, actions)
    _, fresh = student.run(drv.gradients, inputs, program, (out,))
    other = history[0][-1]  # the other output's .grad after its own backward
    # backward must first leave a non-zero .grad on every node zero_grad resets, or the reset cannot be seen
    assert np.all(history[1][:-1] != 0), "backward must give every node of this graph a non-zero .grad"
    # every node reachable from `out`, x included, holds 0; the other output keeps its .grad
    expect(history[2], np.append(np.zeros(len(program) + 2), other),
           what=".grad of every node after zero_grad", rtol=0.0, atol=0.0)
    # a backward after zero_grad gives the gradients of a fresh graph (your own backward is the yardstick)
    expect(history[3], np.append(fresh[:-1], other), what=".grad of every node after zero_grad and a new backward",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_backward_and_zero_grad_return_none(student, ref):
    """backward and zero_grad return None and change no node's .data"""
    out = 3 + len(DEEP) - 1
    inputs, program = [0.4, -0.3, 1.2], DEEP
    actions = [("backward", out), ("zero_grad", out), ("backward", out)]
    built, trace = parts(student.run(drv.action_trace, inputs, program, actions), 2, what="the driver's result")
    want_built, want = drv.action_trace(ref, inputs, program, actions)
    # the graph is built right
    expect(built, want_built, what=".data of every node", rtol=RTOL, atol=ATOL)
    for (returned_none, got_data, got_grad), (_, _, want_grad) in zip(trace, want):
        # the gradients are right, so the calls did their work
        expect(got_grad, want_grad, what=".grad of every node after backward or zero_grad", rtol=RTOL, atol=ATOL)
        # Returns: None
        expect(returned_none, True, what="backward() and zero_grad() return None")
        # no .data is modified
        expect(got_data, built, what=".data of every node after backward or zero_grad", rtol=0.0, atol=0.0)


@pytest.mark.points(1)
def test_gradient_descent_loop(student):
    """gradient descent on t1^2 + t2^2 with zero_grad and backward, as in assignment 2"""
    got = student.run(drv.descend, [3.0, -4.0], 0.1, 10)
    # theta_10 = 0.8^10 theta_0 (a stale gradient would be added to each step's)
    expect(got, np.array([0.3221225472, -0.4294967296]), what="theta after 10 steps with lr 0.1",
           rtol=ANCHOR_RTOL, atol=ANCHOR_ATOL)
