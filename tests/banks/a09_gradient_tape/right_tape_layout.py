"""Correct: another tape layout. The active tapes are a class attribute; a tape keeps its record as a dict from each
output's id to a numbered step, and a set of tracked ids beside a list that keeps those Tensors alive; gradient
visits the steps by number, last first, through a heap. The operations share one helper and a table of local
derivatives."""

import heapq
import math

import numpy as np


class Tensor:
    """An immutable scalar; .value is a float."""

    def __init__(self, value):
        self.value = float(value)

    def __repr__(self):
        return f"{type(self).__name__}({self.value})"

    def _unary(self, name, fn, local):
        """fn(x) of self; local(x, out) is d out / d x as a Tensor."""
        out = record_operation(name, (self,), fn(self.value), lambda g: (local(self, out) * g,))
        return out

    def _binary(self, other, name, fn, locals_):
        other = other if isinstance(other, Tensor) else Tensor(other)
        da, db = locals_
        return record_operation(name, (self, other), fn(self.value, other.value),
                                lambda g: (da(self, other, g), db(self, other, g)))

    def __add__(self, other):
        return self._binary(other, "add", lambda a, b: a + b, (lambda a, b, g: g, lambda a, b, g: g))

    def __sub__(self, other):
        return self._binary(other, "sub", lambda a, b: a - b, (lambda a, b, g: g, lambda a, b, g: -g))

    def __mul__(self, other):
        return self._binary(other, "mul", lambda a, b: a * b, (lambda a, b, g: b * g, lambda a, b, g: a * g))

    def __truediv__(self, other):
        return self._binary(other, "div", lambda a, b: a / b,
                            (lambda a, b, g: g / b, lambda a, b, g: -(a * g) / b ** 2))

    def __neg__(self):
        return self._unary("neg", lambda v: -v, lambda x, out: Tensor(-1.0))

    def __pow__(self, n):
        assert isinstance(n, (int, float)), "only int or float exponents are supported"
        return self._unary("pow", lambda v: v ** n, lambda x, out: n * x ** (n - 1))

    def __radd__(self, other):
        return Tensor(other) + self

    def __rsub__(self, other):
        return Tensor(other) - self

    def __rmul__(self, other):
        return Tensor(other) * self

    def __rtruediv__(self, other):
        return Tensor(other) / self

    def exp(self):
        return self._unary("exp", math.exp, lambda x, out: out)

    def log(self):
        return self._unary("log", math.log, lambda x, out: 1 / x)

    def sin(self):
        return self._unary("sin", math.sin, lambda x, out: x.cos())

    def cos(self):
        return self._unary("cos", math.cos, lambda x, out: -x.sin())

    def tanh(self):
        return self._unary("tanh", math.tanh, lambda x, out: 1 - out ** 2)

    def sigmoid(self):
        return self._unary("sigmoid", lambda v: 0.5 * (1 + math.tanh(v / 2)), lambda x, out: out - out * out)


class Variable(Tensor):
    """A Tensor every tape tracks."""


def record_operation(op, inputs, value, backward):
    out = Tensor(value)
    for tape in GradientTape.active:
        if any(tape._knows(x) for x in inputs):
            tape._steps[id(out)] = (len(tape._steps), inputs, out, backward)
            tape._ids.add(id(out))
            tape._alive.append(out)
    return out


class GradientTape:
    active = []  # outermost first

    def __init__(self, persistent=False):
        self.persistent = persistent
        self._steps = {}   # id(out) -> (number, inputs, out, backward)
        self._ids = set()
        self._alive = []
        self._calls = 0

    def _knows(self, x):
        return isinstance(x, Variable) or id(x) in self._ids

    def __enter__(self):
        GradientTape.active.append(self)
        return self

    def __exit__(self, *exc_info):
        GradientTape.active[:] = [t for t in GradientTape.active if t is not self]
        return None

    def watch(self, x):
        self._ids.add(id(x))
        self._alive.append(x)

    def gradient(self, target, sources):
        self._calls += 1
        if self._calls > 1 and not self.persistent:
            raise RuntimeError("gradient called again on a tape made without persistent=True")
        steps = dict(self._steps)
        adjoints = {id(target): Tensor(1.0)}
        heap = [(-steps[id(target)][0], id(target))] if id(target) in steps else []
        queued = {id(target)}
        while heap:
            _, key = heapq.heappop(heap)
            _, inputs, out, backward = steps[key]
            for x, part in zip(inputs, backward(adjoints[key])):
                adjoints[id(x)] = part if id(x) not in adjoints else adjoints[id(x)] + part
                if id(x) in steps and id(x) not in queued:
                    queued.add(id(x))
                    heapq.heappush(heap, (-steps[id(x)][0], id(x)))
        answers = [adjoints.get(id(s)) if self._knows(s) else None
                   for s in (sources if isinstance(sources, list) else [sources])]
        return answers if isinstance(sources, list) else answers[0]


def derivatives(f, x):
    point = Variable(x)
    with GradientTape() as second:
        with GradientTape() as first:
            y = f(point)
        d1 = first.gradient(y, point)
    d2 = second.gradient(d1, point) if d1 is not None else None
    return tuple(0.0 if v is None else float(v.value) for v in (y, d1, d2))


def _iterate(x0, steps, update):
    xs = np.empty(steps + 1)
    xs[0] = x0
    for k in range(steps):
        xs[k + 1] = update(xs[k])
    return xs


def newton(f, x0, steps):
    def update(x):
        _, d1, d2 = derivatives(f, float(x))
        return x - d1 / d2
    return _iterate(x0, steps, update)


def gradient_descent(f, x0, lr, steps):
    return _iterate(x0, steps, lambda x: x - lr * derivatives(f, float(x))[1])
