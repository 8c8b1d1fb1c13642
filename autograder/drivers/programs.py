"""Programs of operations on graph nodes: what the a08 and a09 drivers replay on a submission's Values or Tensors.

A program is a list of steps; each step makes one node from earlier nodes (by index) and constants:

    ("add", i, j)     nodes[i] + nodes[j]       (also "sub", "mul", "div")
    ("add_c", i, c)   nodes[i] + c              ("c_add", c, i): c + nodes[i], and the same for sub, mul, div
    ("pow", i, n)     nodes[i] ** n
    (op, i)           a unary operation, from the driver's own table (its engine's operations differ)
"""

import numpy as np

BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
}


def plain(c):
    """A numpy scalar becomes the Python int or float it holds; anything else is returned as it is."""
    return c.item() if isinstance(c, np.generic) else c


def apply(nodes, step, unary):
    """The node that `step` makes from `nodes`; `unary` maps each unary operation's name to a function of one node.
    Raises ValueError for a step that is none of the above."""
    op, *args = step
    args = [plain(a) for a in args]
    if op in BINARY:
        return BINARY[op](nodes[args[0]], nodes[args[1]])
    if op.endswith("_c") and op[:-2] in BINARY:
        return BINARY[op[:-2]](nodes[args[0]], args[1])
    if op.startswith("c_") and op[2:] in BINARY:
        return BINARY[op[2:]](args[0], nodes[args[1]])
    if op == "pow":
        return nodes[args[0]] ** args[1]
    if op in unary:
        return unary[op](nodes[args[0]])
    raise ValueError(f"unknown program step {step!r}")
