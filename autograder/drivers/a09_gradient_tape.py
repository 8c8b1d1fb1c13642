"""Drivers for a09_gradient_tape: Tensors and tapes stay inside the module that made them.

A Tensor cannot be sent between processes, so a test writes what to do as a *script*: a list of steps, run in
order with the module's Tensor, Variable and GradientTape. It gets back plain numbers. Steps that make a value
append it to the list of nodes (numbered 0, 1, ... in the order they are made); steps that start a tape append it
to the list of tapes (0, 1, ...):

    ("var", v)              nodes += Variable(v)       ("const", v)          nodes += Tensor(v)
    ("tape",)               tapes += GradientTape(), and its with block starts (__enter__)
    ("tape", True)          the same with GradientTape(persistent=True)
    ("exit", t)             the with block of tapes[t] ends (__exit__)
    ("watch", t, i)         tapes[t].watch(nodes[i])
    ("grad", t, i, j)       nodes += tapes[t].gradient(nodes[i], nodes[j])    (one source: one node)
    ("grad", t, i, [j, k])  nodes += tapes[t].gradient(nodes[i], [nodes[j], nodes[k]])   (one node per source)
    ("try_grad", t, i, j)   as "grad", but a RuntimeError raised by gradient gives the node "RuntimeError"
                            instead (any other exception, NotImplementedError and RecursionError included,
                            stops the script)

and the operations, one node each:

    ("add", i, j)  nodes[i] + nodes[j]      ("add_c", i, c)  nodes[i] + c      ("c_add", c, i)  c + nodes[i]
    ("sub", i, j)  nodes[i] - nodes[j]      ("sub_c", i, c)  nodes[i] - c      ("c_sub", c, i)  c - nodes[i]
    ("mul", i, j)  nodes[i] * nodes[j]      ("mul_c", i, c)  nodes[i] * c      ("c_mul", c, i)  c * nodes[i]
    ("div", i, j)  nodes[i] / nodes[j]      ("div_c", i, c)  nodes[i] / c      ("c_div", c, i)  c / nodes[i]
    ("pow", i, p)  nodes[i] ** p            ("neg", i)  -nodes[i]
    ("exp", i)  nodes[i].exp(), and likewise "log", "sin", "cos", "tanh", "sigmoid"

A gradient that is None is a node too (its value is None). A "grad" whose target node is None gives None for every
source without calling gradient: the derivative of "no path" is "no path". Tapes still active when the script ends
are left, innermost first, so that no tape records anything after the script.
"""

import operator

import numpy as np

from autograder.drivers import driver, probe, programs
from autograder.drivers.figures import figure_driver

_BINARY = programs.BINARY
UNARY = ("neg", "exp", "log", "sin", "cos", "tanh", "sigmoid")
_UNARY = {"neg": lambda a: -a, **{op: operator.methodcaller(op) for op in UNARY if op != "neg"}}
_plain = programs.plain


def _operation(nodes, step):
    """The node that one operation step makes."""
    return programs.apply(nodes, step, _UNARY)


def _gradient(mod, tape, nodes, target, sources):
    """tape.gradient for a "grad" step: the new nodes, one per source, checked against the promised structure."""
    many = isinstance(sources, (list, tuple))
    wanted = [nodes[j] for j in sources] if many else nodes[sources]
    if nodes[target] is None:
        return [None] * (len(sources) if many else 1)
    got = tape.gradient(nodes[target], list(wanted) if many else wanted)
    if many:
        if not isinstance(got, list):
            raise TypeError(f"gradient returned a {type(got).__name__} for a list of sources, not a list")
        if len(got) != len(sources):
            raise TypeError(f"gradient returned {len(got)} gradients for {len(sources)} sources")
    else:
        if isinstance(got, (list, tuple)):
            raise TypeError(f"gradient returned a {type(got).__name__} for a single source, not one gradient")
        got = [got]
    for g in got:
        if g is not None and not isinstance(g, mod.Tensor):
            raise TypeError(f"gradient returned a {type(g).__name__}, not a Tensor or None")
    return got


def _run(mod, script, note=None):
    """Run the script; return the list of nodes. Tapes still active at the end are left, innermost first.
    `note(nodes)`, if given, is called after every step."""
    nodes, tapes, active = [], [], []
    try:
        for step in script:
            kind = step[0]
            if kind == "var":
                nodes.append(mod.Variable(_plain(step[1])))
            elif kind == "const":
                nodes.append(mod.Tensor(_plain(step[1])))
            elif kind == "tape":
                tape = mod.GradientTape(persistent=bool(step[1])) if len(step) > 1 else mod.GradientTape()
                entered = tape.__enter__()
                if entered is not tape:
                    raise TypeError(f"GradientTape.__enter__ returned {type(entered).__name__}, not the tape")
                tapes.append(tape)
                active.append(tape)
            elif kind == "exit":
                tape = tapes[step[1]]
                active.remove(tape)
                tape.__exit__(None, None, None)
            elif kind == "watch":
                tapes[step[1]].watch(nodes[step[2]])
            elif kind == "grad":
                nodes.extend(_gradient(mod, tapes[step[1]], nodes, step[2], step[3]))
            elif kind == "try_grad":
                try:
                    nodes.extend(_gradient(mod, tapes[step[1]], nodes, step[2], step[3]))
                except (NotImplementedError, RecursionError):
                    raise  # RuntimeErrors too, but they say something else: not written yet, or a runaway recursion
                except RuntimeError as exc:
                    nodes.append("RuntimeError" if str(exc).strip() else "RuntimeError without a message")
            else:
                out = _operation(nodes, step)
                if not isinstance(out, mod.Tensor):
                    raise TypeError(f"{kind} returned a {type(out).__name__}, not a Tensor")
                nodes.append(out)
            if note is not None:
                note(nodes)
    finally:
        while active:
            active.pop().__exit__(None, None, None)
    return nodes


def _value(node):
    if node is None or isinstance(node, str):
        return node
    return float(node.value)


@driver
def run(mod, script):
    """Run the script. Returns a tuple with one entry per node: its .value as a float, None for a gradient that was
    None, or "RuntimeError" where a "try_grad" step's gradient raised one."""
    return tuple(_value(node) for node in _run(mod, script))


@driver
def kinds(mod, script):
    """Run the script. Returns a tuple with one entry per node: "Variable", "Tensor" (any other Tensor), or None."""
    return tuple(None if node is None or isinstance(node, str) else
                 "Variable" if isinstance(node, mod.Variable) else "Tensor" for node in _run(mod, script))


@driver
def made_and_final(mod, script):
    """Run the script. Returns (made, final): the value of every node just after it was made, and the value of
    every node once the whole script has run (None for None): whether a later step changed a node's value."""
    made, final = [], []

    def note(nodes):
        made.extend(_value(node) for node in nodes[len(made):])

    nodes = _run(mod, script, note)
    final.extend(_value(node) for node in nodes)
    return tuple(made), tuple(final)


@driver
def error_in_block(mod, x):
    """A real with statement whose block raises: v = Variable(x); inside `with GradientTape(persistent=True) as tape:`,
    y = v * v and then a ValueError; after the statement, z = y * v.

    Returns (escaped, dy, dz): whether the ValueError came out of the with statement, and the values of
    tape.gradient(y, v) and tape.gradient(z, v) (None for None).
    """
    v = mod.Variable(_plain(x))
    escaped = False
    try:
        with mod.GradientTape(persistent=True) as tape:
            y = v * v
            raise ValueError("raised inside the with block")
    except ValueError:
        escaped = True
    z = y * v
    return escaped, _value(tape.gradient(y, v)), _value(tape.gradient(z, v))


# --------------------------------------------------------------------------- functions of one Tensor (probes)


@probe
def cube_minus_2x(t):
    """t^3 - 2t: f' = 3t^2 - 2, f'' = 6t."""
    return t**3 - 2 * t


@probe
def sine(t):
    """sin t: f' = cos t, f'' = -sin t."""
    return t.sin()


@probe
def x_sin_x(t):
    """t sin t: f' = sin t + t cos t, f'' = 2 cos t - t sin t."""
    return t * t.sin()


@probe
def line(t):
    """3t + 1: f' = 3, and f'' is None (f' does not depend on t), so derivatives gives 0.0."""
    return 3 * t + 1


@probe
def exp_minus_2x(t):
    """e^t - 2t: a single minimum at ln 2, f'' = e^t > 0 everywhere."""
    return t.exp() - 2 * t


@probe
def softplus_tilted(t):
    """log(1 + e^t) - t / 2: minimum at 0, f' = sigmoid(t) - 1/2, f'' = sigmoid(t)(1 - sigmoid(t))."""
    return (1 + t.exp()).log() - t / 2


@probe
def mixture(t):
    """tanh(t) cos(t) + sigmoid(t) / (1 + t^2) - log(t^(1/2)) + (2 - t) / 3: every operation of the assignment
    but sin, exp and unary minus, for t > 0."""
    return t.tanh() * t.cos() + t.sigmoid() / (1 + t * t) - (t**0.5).log() + (2 - t) / 3


# --------------------------------------------------------------------------- figures


@figure_driver
def derivative_curves(mod, f, xs):
    """mod.derivatives(f, x) at every x of xs. Returns a float array of shape (3, len(xs)): f, f' and f''."""
    rows = [mod.derivatives(f, float(x)) for x in xs]
    return np.array([[float(v) for v in row] for row in rows]).T
