"""Drivers for a08_autograd: Values stay inside the module that made them.

A Value cannot be sent between processes, so every test builds its expression here, with `mod.Value`, and gets back
plain numbers: the .data and .grad of the nodes it asks about.

Small graphs are written as a *program*: `inputs` is a list of numbers (one leaf Value each, nodes 0, 1, ...) and
`program` a list of steps, each appending one node to the list of nodes:

    ("add", i, j)  nodes[i] + nodes[j]      ("add_c", i, c)  nodes[i] + c      ("c_add", c, i)  c + nodes[i]
    ("sub", i, j)  nodes[i] - nodes[j]      ("sub_c", i, c)  nodes[i] - c      ("c_sub", c, i)  c - nodes[i]
    ("mul", i, j)  nodes[i] * nodes[j]      ("mul_c", i, c)  nodes[i] * c      ("c_mul", c, i)  c * nodes[i]
    ("div", i, j)  nodes[i] / nodes[j]      ("div_c", i, c)  nodes[i] / c      ("c_div", c, i)  c / nodes[i]
    ("pow", i, p)  nodes[i] ** p            ("neg", i)  -nodes[i]
    ("exp", i)  nodes[i].exp()              ("tanh", i)  nodes[i].tanh()       ("sigmoid", i)  nodes[i].sigmoid()

i and j may be equal (x * x) and a node may be used by many later steps: that is how graphs reuse a variable.
"""

import numpy as np

from autograder.drivers import driver, programs

_BINARY = programs.BINARY
_UNARY = {
    "neg": lambda a: -a,
    "exp": lambda a: a.exp(),
    "tanh": lambda a: a.tanh(),
    "sigmoid": lambda a: a.sigmoid(),
}
_plain = programs.plain


def _step(nodes, step):
    """Apply one program step to the list of nodes and return the new node."""
    return programs.apply(nodes, step, _UNARY)


def _build(mod, inputs, program, made=None):
    """Make one leaf per input, then one node per program step; return the list of all nodes.

    If `made` is a list, the .data of each node just after it was made is appended to it.
    """
    nodes = []
    for x in inputs:
        nodes.append(mod.Value(_plain(x)))
        if made is not None:
            made.append(float(nodes[-1].data))
    for step in program:
        out = _step(nodes, step)
        if not isinstance(out, mod.Value):
            raise TypeError(f"{step[0]} returned a {type(out).__name__}, not a Value")
        nodes.append(out)
        if made is not None:
            made.append(float(out.data))
    return nodes


def _datas(nodes):
    return np.array([float(v.data) for v in nodes])


def _grads(nodes):
    return np.array([float(v.grad) for v in nodes])


@driver
def forward(mod, inputs, program):
    """Build the graph without calling backward.

    Returns (data, grad, made): float arrays of shape (N,) with the .data and the .grad of every node once the
    whole graph is built, leaves first, and the .data of every node just after it was made.
    """
    made = []
    nodes = _build(mod, inputs, program, made)
    return _datas(nodes), _grads(nodes), np.array(made)


@driver
def gradients(mod, inputs, program, outputs=(-1,)):
    """Build the graph, then call nodes[k].backward() for each k in `outputs`, in order.

    Returns (data, grad): float arrays of shape (N,) with the .data and the .grad of every node afterwards.
    With one output per disjoint subgraph, each leaf's .grad is the derivative of its own output.
    """
    nodes = _build(mod, inputs, program)
    for k in outputs:
        nodes[k].backward()
    return _datas(nodes), _grads(nodes)


def _act(nodes, action):
    """Perform one action on the nodes and return what the call returned (None for "set_grad")."""
    verb, k, *value = action
    if verb == "backward":
        return nodes[k].backward()
    if verb == "zero_grad":
        return nodes[k].zero_grad()
    if verb == "set_grad":
        nodes[k].grad = float(value[0])
        return None
    raise ValueError(f"unknown action {verb!r}")


@driver
def grad_history(mod, inputs, program, actions):
    """Build the graph, then perform `actions` in order: ("backward", k) or ("zero_grad", k) calls that method of
    nodes[k]; ("set_grad", k, g) sets nodes[k].grad = g.

    Returns a tuple with one float array of shape (N,) per action: the .grad of every node after that action.
    """
    nodes = _build(mod, inputs, program)
    history = []
    for action in actions:
        _act(nodes, action)
        history.append(_grads(nodes))
    return tuple(history)


@driver
def action_trace(mod, inputs, program, actions):
    """Like grad_history, with more read back.

    Returns (built, trace): built is the .data of every node once the graph is built, and trace has one
    (returned_none, data, grad) per action: True when the call returned None, and the .data and .grad of every
    node after it.
    """
    nodes = _build(mod, inputs, program)
    built, trace = _datas(nodes), []
    for action in actions:
        returned = _act(nodes, action)
        trace.append((returned is None, _datas(nodes), _grads(nodes)))
    return built, tuple(trace)


@driver
def forward_on_graded_leaves(mod, inputs, grads, program):
    """Make one leaf per input and set leaf k's .grad to grads[k], then build the program without backward.

    Returns (data, grad): float arrays of shape (N,) with the .data and .grad of every node once the graph is built.
    """
    nodes = _build(mod, inputs, [])
    for leaf, g in zip(nodes, grads):
        leaf.grad = float(g)
    for step in program:
        out = _step(nodes, step)
        if not isinstance(out, mod.Value):
            raise TypeError(f"{step[0]} returned a {type(out).__name__}, not a Value")
        nodes.append(out)
    return _datas(nodes), _grads(nodes)


@driver
def micrograd_readme(mod):
    """The expression from micrograd's README; returns (g.data, a.grad, b.grad).

    The README also uses relu; with these inputs (b + a).relu() is 0 (gradient 0) and (b - a).relu() is b - a
    (gradient 1), so the two terms are written without relu and every value and gradient stays the same.
    """
    Value = mod.Value
    a = Value(-4.0)
    b = Value(2.0)
    c = a + b
    d = a * b + b**3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2
    d += 3 * d + (b - a)
    e = c - d
    f = e**2
    g = f / 2.0
    g += 10.0 / f
    g.backward()
    return float(g.data), float(a.grad), float(b.grad)


@driver
def micrograd_sanity(mod):
    """micrograd's sanity check; returns (y.data, x.grad).

    Here z = -10, so z.relu() is 0 and (z * z).relu() is z * z: the relu terms are written without relu.
    """
    x = mod.Value(-4.0)
    z = 2 * x + 2 + x
    q = z * x
    h = z * z
    y = h + q + q * x
    y.backward()
    return float(y.data), float(x.grad)


@driver
def network(mod, W1, b1, W2, b2, x, y):
    """The two-layer sigmoid network of a07, one Value per weight, for one sample.

    a1 = sigmoid(W1 x + b1), a2 = sigmoid(W2 a1 + b2), C = 1/2 sum_k (a2_k - y_k)^2, then C.backward().
    Inputs: W1 of shape (H, D), b1 of shape (H,), W2 of shape (K, H), b2 of shape (K,), x of shape (D,),
    y of shape (K,), float arrays.
    Returns (C, dW1, db1, dW2, db2): C a float and the gradients as float arrays of the parameters' shapes.
    """
    Value = mod.Value
    params = [[[Value(v) for v in row] for row in W1], [Value(v) for v in b1],
              [[Value(v) for v in row] for row in W2], [Value(v) for v in b2]]
    vW1, vb1, vW2, vb2 = params
    a1 = [sum((w * xk for w, xk in zip(row, x)), bj).sigmoid() for row, bj in zip(vW1, vb1)]
    a2 = [sum((w * ak for w, ak in zip(row, a1)), bk).sigmoid() for row, bk in zip(vW2, vb2)]
    C = 0.5 * sum((ak - float(yk)) ** 2 for ak, yk in zip(a2, y))
    C.backward()
    dW1 = np.array([[float(w.grad) for w in row] for row in vW1])
    dW2 = np.array([[float(w.grad) for w in row] for row in vW2])
    return float(C.data), dW1, _grads(vb1), dW2, _grads(vb2)


@driver
def descend(mod, theta0, lr, steps):
    """Gradient descent on J = t1^2 + t2^2 with Values, as in a02.

    Each step builds J from the two leaves, calls J.zero_grad(), J.backward(), then t.data -= lr * t.grad.
    Returns the final (t1, t2) as a float array of shape (2,).
    """
    t = [mod.Value(v) for v in theta0]
    for _ in range(steps):
        J = t[0] ** 2 + t[1] ** 2
        J.zero_grad()
        J.backward()
        for v in t:
            v.data -= lr * v.grad
    return np.array([float(v.data) for v in t])
