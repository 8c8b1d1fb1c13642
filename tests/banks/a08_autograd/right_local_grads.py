"""Right: every node stores (child, local derivative) pairs, and backward runs Kahn's algorithm.

No closures: the local derivatives are numbers computed in the forward pass. backward counts, for every node, the
uses still waiting to send it their gradient, and passes a node's gradient on once that count reaches 0.
Division, subtraction, negation and the reflected operators have their own local derivatives; tanh uses exp and
sigmoid uses tanh.
"""

import math


class Value:
    """One scalar node of a computation graph, with its gradient."""

    def __init__(self, data, _children=(), _op="", _local=()):
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op
        self._edges = tuple(zip(_children, _local))

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    def _unary(self, data, local, op):
        return Value(data, (self,), op, (local,))

    def __add__(self, other):
        if isinstance(other, Value):
            return Value(self.data + other.data, (self, other), "+", (1.0, 1.0))
        return self._unary(self.data + other, 1.0, "+c")

    def __mul__(self, other):
        if isinstance(other, Value):
            return Value(self.data * other.data, (self, other), "*", (other.data, self.data))
        return self._unary(self.data * other, float(other), "*c")

    def __pow__(self, other):
        assert isinstance(other, (int, float)), "only int or float exponents are supported"
        return self._unary(self.data**other, other * self.data ** (other - 1), f"**{other}")

    def exp(self):
        e = math.exp(self.data)
        return self._unary(e, e, "exp")

    def tanh(self):
        e2 = math.exp(2 * self.data)
        t = (e2 - 1) / (e2 + 1)
        return self._unary(t, 1 - t * t, "tanh")

    def sigmoid(self):
        s = 0.5 * (1 + math.tanh(self.data / 2))
        return self._unary(s, s * (1 - s), "sigmoid")

    def _reachable(self):
        found = {id(self): self}
        stack = [self]
        while stack:
            v = stack.pop()
            for child, _ in v._edges:
                if id(child) not in found:
                    found[id(child)] = child
                    stack.append(child)
        return list(found.values())

    def backward(self):
        nodes = self._reachable()
        waiting = {id(v): 0 for v in nodes}
        for v in nodes:
            for child, _ in v._edges:
                waiting[id(child)] += 1
        self.grad = 1.0
        ready = [self]
        while ready:
            v = ready.pop()
            for child, local in v._edges:
                child.grad += local * v.grad
                waiting[id(child)] -= 1
                if waiting[id(child)] == 0:
                    ready.append(child)

    def zero_grad(self):
        for v in self._reachable():
            v.grad = 0.0

    def __neg__(self):
        return self._unary(-self.data, -1.0, "neg")

    def __sub__(self, other):
        if isinstance(other, Value):
            return Value(self.data - other.data, (self, other), "-", (1.0, -1.0))
        return self._unary(self.data - other, 1.0, "-c")

    def __truediv__(self, other):
        if isinstance(other, Value):
            local = (1 / other.data, -self.data / other.data**2)
            return Value(self.data / other.data, (self, other), "/", local)
        return self._unary(self.data / other, 1 / other, "/c")

    def __radd__(self, other):
        return self._unary(other + self.data, 1.0, "c+")

    def __rsub__(self, other):
        return self._unary(other - self.data, -1.0, "c-")

    def __rmul__(self, other):
        return self._unary(other * self.data, float(other), "c*")

    def __rtruediv__(self, other):
        return self._unary(other / self.data, -other / self.data**2, "c/")
