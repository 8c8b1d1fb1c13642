"""Drivers for `make plots`: the figures' data, computed with the module under test (a submission or the reference).

A figure that needs one call gets it directly (`source.call("fun_z", X, Y)`); these drivers are for the rest:
callables the module must receive, loops over many calls, objects (a Value graph, a network's parameters during
training) that cannot leave the sandbox. Each returns ("ok", data) with plain data, or ("not implemented", name)
when the module's function `name` raised NotImplementedError, so the figure can say which function it waits for.
They ship to students: they hold the steps that produce what a figure shows, and no expected values.
"""

import functools

import numpy as np

from autograder.drivers import driver, probe

NOT_IMPLEMENTED = "not implemented"


class _Module:
    """The module under test; a function of it that raises NotImplementedError is remembered by name."""

    def __init__(self, mod):
        self._mod = mod
        self.culprit = None

    def __getattr__(self, name):
        if not hasattr(self._mod, name):
            raise AttributeError(f"the module does not define {name}")
        fn = getattr(self._mod, name)

        def call(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except NotImplementedError:
                self.culprit = self.culprit or name
                raise

        return call


def figure_driver(fn):
    """Mark `fn(module, *args)` as a driver whose NotImplementedError becomes ("not implemented", name)."""

    @functools.wraps(fn)
    def run(mod, *args, **kwargs):
        module = _Module(mod)
        try:
            return "ok", fn(module, *args, **kwargs)
        except NotImplementedError:
            return NOT_IMPLEMENTED, module.culprit or ""

    return driver(run)


# --------------------------------------------------------------------------- a02: descent paths


@probe
def double_well_gradient(theta):
    """Gradient of J(t1, t2) = (t1^2 - 1)^2 + t2^2: minima at (-1, 0) and (1, 0), a saddle point at (0, 0)."""
    t = np.asarray(theta, dtype=float)
    return np.array([4.0 * t[0] * (t[0] ** 2 - 1.0), 2.0 * t[1]])


@figure_driver
def bowl_surface(mod, xs, ys):
    """mod.bowl at every point of the grid np.meshgrid(xs, ys): a float array of shape (len(ys), len(xs))."""
    return np.array([[float(mod.bowl(np.array([x, y]))) for x in xs] for y in ys])


@figure_driver
def bowl_descent(mod, theta0, lr, n_steps):
    """mod.gradient_descent(mod.bowl_grad, theta0, lr, n_steps): the trajectory, of shape (n_steps + 1, 2)."""
    return mod.gradient_descent(mod.bowl_grad, np.array(theta0, dtype=float), lr, n_steps)


# --------------------------------------------------------------------------- a03: the gradient check


@probe
def sum_x_sin_x(x):
    """f(x) = sum(x sin x), whose gradient is sin x + x cos x."""
    return float(np.sum(x * np.sin(x)))


# --------------------------------------------------------------------------- a04, a05: training runs


@figure_driver
def weights_by_epoch(mod, name, args, kwargs, epochs):
    """The weight after 0, 1, ..., epochs epochs: mod.<name>(*args, epochs=k, **kwargs)[0] for each k.

    Every run starts afresh (a seeded run repeats its shuffles), so entry k is where the full run stood after k
    epochs. Returns a float array of shape (epochs + 1,).
    """
    fn = getattr(mod, name)
    return np.array([float(fn(*args, epochs=k, **kwargs)[0]) for k in range(epochs + 1)])


@figure_driver
def cost_curve(mod, ws, xs, ys):
    """mod.cost(w, xs, ys) for every w in ws: a float array of shape (len(ws),)."""
    return np.array([float(mod.cost(float(w), xs, ys)) for w in ws])


# --------------------------------------------------------------------------- a07: training on XOR


@figure_driver
def train_network(mod, params, X, Y, lr, epochs, grid):
    """Train with mod.forward, mod.backward and mod.sgd_step for `epochs` full-batch steps.

    Returns (losses, out): losses[e] is the mean quadratic cost 1/(2N) sum ||out - Y||^2 before step e, a float
    array of shape (epochs,); out is the trained network's first output at every row of grid, of shape (len(grid),).
    """
    losses = []
    for _ in range(epochs):
        out, cache = mod.forward(params, X)
        losses.append(0.5 * float(np.sum((np.asarray(out, dtype=float) - Y) ** 2)) / len(X))
        params = mod.sgd_step(params, mod.backward(params, cache, Y), lr)
    out, _ = mod.forward(params, grid)
    return np.array(losses), np.asarray(out, dtype=float)[:, 0]


# --------------------------------------------------------------------------- a08: the graph backward() walks

_A08_STEPS = (("e", "__mul__", "a", "b"), ("d", "__add__", "e", "c"), ("L", "__mul__", "d", "b"))


@figure_driver
def value_graph(mod, leaves):
    """Build L = (a * b + c) * b from leaves {"a": .., "b": .., "c": ..}, call L.backward(), read the graph.

    The graph is read the way backward() walks it, through each node's _prev. Returns (nodes, edges): nodes a
    tuple of (label, data, grad, op) per node, the named ones first (a, b, c, e, d, L), then any other node in
    order of data; edges a sorted tuple of (child, parent) index pairs, one per entry of a node's _prev.
    """
    named = {name: mod.Value(float(value)) for name, value in leaves.items()}
    for name, method, left, right in _A08_STEPS:
        try:
            named[name] = getattr(named[left], method)(named[right])
        except NotImplementedError:
            mod.culprit = f"Value.{method}"
            raise
    try:
        named["L"].backward()
    except NotImplementedError:
        mod.culprit = "Value.backward"
        raise
    order = list(named.values())
    index = {id(v): i for i, v in enumerate(order)}
    seen, stack, extra = set(), list(order), []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        for child in node._prev:
            if id(child) not in index and id(child) not in {id(e) for e in extra}:
                extra.append(child)
            stack.append(child)
    for node in sorted(extra, key=lambda v: (float(v.data), str(v._op))):
        index[id(node)] = len(order)
        order.append(node)
    labels = list(named) + [""] * len(extra)
    nodes = tuple((labels[i], float(v.data), float(v.grad), str(v._op)[:8]) for i, v in enumerate(order))
    edges = tuple(sorted((index[id(child)], index[id(v)]) for v in order for child in v._prev))
    return nodes, edges
