"""Figures of computational graphs: a06's (x + y)·z with values and gradients on its edges, a08's Value graph."""

from __future__ import annotations

import numpy as np

from autograder.drivers import figures as drv
from autograder.plots import style
from autograder.plots.sources import Skip
from autograder.plots.validate import number, parts

NODE = {"boxstyle": "round,pad=0.45", "facecolor": "white", "edgecolor": "black", "linewidth": 1.5}
GATE = {"boxstyle": "circle,pad=0.35", "facecolor": "#F0F0F0", "edgecolor": "black", "linewidth": 1.5}


def _edge(ax, start, end, forward: str, backward: str, shrink=24, below=0.22):
    """An arrow start -> end with the forward value above its middle and the gradient below."""
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": "0.2", "linewidth": 1.6,
                                                       "shrinkA": shrink, "shrinkB": shrink, "mutation_scale": 16})
    mid = (np.asarray(start) + np.asarray(end)) / 2
    ax.text(mid[0], mid[1] + 0.2, forward, color=style.FORWARD, ha="center", va="bottom", fontsize=12,
            fontweight="bold")
    ax.text(mid[0], mid[1] - below, backward, color=style.BACKWARD, ha="center", va="top", fontsize=12,
            fontstyle="italic")


def _fmt(v: float) -> str:
    return f"{v:.4g}".replace("-", "−")


# ---------------------------------------------------------------------------------------------- a06

A06_INPUTS = (-2.0, 5.0, -4.0)  # the course notes' example (reference values): f = -12


def add_mul_data(src) -> dict:
    f, grads = parts(src.call("add_mul", *A06_INPUTS), 2, "add_mul")
    grads = parts(grads, 3, "add_mul's gradients")
    return {"f": number(f, "add_mul"), "grads": tuple(number(g, "add_mul's gradients") for g in grads)}


def add_mul_figure(d: dict):
    x, y, z = A06_INPUTS
    q = x + y  # the add gate's output, computed here: the figure shows what flows into the multiply gate
    fig = style.new_figure(9.0, 5.4)
    where = {"x": (0.0, 2.6), "y": (0.0, 0.7), "z": (0.0, -0.9), "+": (2.4, 1.65), "×": (4.7, 0.45), "f": (6.6, 0.45)}
    with style.styled():
        ax = fig.add_subplot()
        for name, value in zip("xyz", A06_INPUTS):
            ax.text(*where[name], f"{name} = {_fmt(value)}", ha="center", va="center", bbox=NODE, fontsize=13)
        for gate in "+×":
            ax.text(*where[gate], gate, ha="center", va="center", bbox=GATE, fontsize=18)
        ax.text(*where["f"], f"f = {_fmt(d['f'])}", ha="center", va="center", bbox=NODE, fontsize=13)
        dx, dy, dz = d["grads"]
        _edge(ax, where["x"], where["+"], _fmt(x), f"∂f/∂x = {_fmt(dx)}", shrink=30)
        _edge(ax, where["y"], where["+"], _fmt(y), f"∂f/∂y = {_fmt(dy)}", shrink=30)
        _edge(ax, where["z"], where["×"], _fmt(z), f"∂f/∂z = {_fmt(dz)}", shrink=30)
        _edge(ax, where["+"], where["×"], f"q = {_fmt(q)}", f"∂f/∂q = z = {_fmt(z)}", shrink=22, below=0.45)
        _edge(ax, where["×"], where["f"], _fmt(d["f"]), "∂f/∂f = 1", shrink=30)
        ax.text(-0.5, -1.75, "bold blue, above each edge: the value flowing forward", color=style.FORWARD,
                fontweight="bold", fontsize=11)
        ax.text(-0.5, -2.1, "italic orange, below: the gradient ∂f/∂· flowing backward", color=style.BACKWARD,
                fontstyle="italic", fontsize=11)
        style.heading(fig, f"The graph of f = (x + y)·z at (x, y, z) = ({_fmt(x)}, {_fmt(y)}, {_fmt(z)})")
        ax.set_xlim(-0.8, 7.5)
        ax.set_ylim(-2.3, 3.0)
        ax.axis("off")
    return fig


# ---------------------------------------------------------------------------------------------- a08

A08_LEAVES = {"a": 2.0, "b": -3.0, "c": 10.0}
A08_MAX_NODES = 40
OPS = {"*": "×", "+": "+", "-": "−", "**": "^", "": ""}


def value_graph_data(src) -> dict:
    nodes, edges = parts(src.run(drv.value_graph, dict(A08_LEAVES), needs="Value"), 2, "Value")
    if not isinstance(nodes, tuple) or not 1 <= len(nodes) <= A08_MAX_NODES:
        raise Skip(f"Value: the graph of L has {len(nodes) if isinstance(nodes, tuple) else 'no'} nodes, "
                   f"expected 1 to {A08_MAX_NODES}")
    clean = []
    for node in nodes:
        label, data, grad, op = parts(node, 4, "Value")
        clean.append((str(label)[:3], number(data, "Value.data"), number(grad, "Value.grad"), str(op)[:4]))
    if not isinstance(edges, tuple) or len(edges) > 10 * A08_MAX_NODES:
        raise Skip("Value: the edges of the graph are not a tuple of (child, parent) pairs")
    pairs = []
    for edge in edges:
        child, parent = parts(edge, 2, "Value._prev")
        if not all(isinstance(i, int) and 0 <= i < len(clean) for i in (child, parent)):
            raise Skip("Value._prev points outside the graph")
        pairs.append((child, parent))
    return {"nodes": clean, "edges": pairs}


def _layout(n: int, edges) -> tuple[list[tuple[float, float]], list[int]]:
    """Columns by depth (a node sits right of everything it was made from); leaves stacked in index order, every
    other node at the mean height of the nodes it was made from. Returns the positions and the depths."""
    depth = [0] * n
    for _ in range(n):  # longest path from a leaf; n rounds settle any graph of n nodes without cycles
        for child, parent in edges:
            depth[parent] = max(depth[parent], depth[child] + 1)
    children: dict[int, list[int]] = {}
    for child, parent in edges:
        children.setdefault(parent, []).append(child)
    reach = [max([depth[p] for c, p in edges if c == i] or [0]) for i in range(n)]
    leaves = sorted((i for i in range(n) if depth[i] == 0), key=lambda i: (reach[i], i))  # long edges at the bottom
    height = {i: (len(leaves) - 1) / 2 * 1.45 - row * 1.45 for row, i in enumerate(leaves)}
    for i in sorted(range(n), key=lambda i: depth[i]):
        if i not in height:
            height[i] = float(np.mean([height[c] for c in children.get(i, []) if c in height] or [0.0]))
    return [(depth[i] * 3.4, height[i]) for i in range(n)], depth


def value_graph_figure(d: dict):
    nodes, edges = d["nodes"], d["edges"]
    where, depth = _layout(len(nodes), edges)
    fig = style.new_figure(10.0, 4.6)
    with style.styled():
        ax = fig.add_subplot()
        boxes = [ax.add_patch(_box(x, y)) for x, y in where]
        for child, parent in edges:
            skips = depth[parent] - depth[child] > 1  # a long edge bends around the nodes between its ends
            ax.annotate("", xy=where[parent], xytext=where[child],
                        arrowprops={"arrowstyle": "-|>", "color": "0.35", "linewidth": 1.4, "mutation_scale": 14,
                                    "patchA": boxes[child], "patchB": boxes[parent], "shrinkA": 1, "shrinkB": 1,
                                    "connectionstyle": f"arc3,rad={0.25 if skips else 0.0}"})
        for (label, data, grad, op), (x, y) in zip(nodes, where):
            name = f"{label} = " if label else ""
            shown = OPS.get(op, op)
            gate = f"({shown})  " if shown else ""
            ax.text(x, y, f"{gate}{name}{_fmt(data)}", ha="center", va="bottom", fontsize=12, color=style.FORWARD,
                    fontweight="bold")
            ax.text(x, y, f"grad {_fmt(grad)}", ha="center", va="top", fontsize=12, color=style.BACKWARD,
                    fontstyle="italic")
        xs, ys = [p[0] for p in where], [p[1] for p in where]
        ax.set_xlim(min(xs) - 1.6, max(xs) + 1.6)
        ax.set_ylim(min(ys) - 1.2, max(ys) + 1.0)
        style.heading(fig, "L = (a·b + c)·b after L.backward(): each node's data (bold) and grad (italic)")
        ax.text(min(xs) - 1.5, min(ys) - 1.1, "b is used twice, so b.grad is the sum of two paths back from L",
                fontsize=11, color="0.25")
        ax.axis("off")
    return fig


def _box(x, y):
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((x - 1.1, y - 0.45), 2.2, 0.9, boxstyle="round,pad=0.05", facecolor="none",
                          edgecolor="black", linewidth=1.4, label="node")
