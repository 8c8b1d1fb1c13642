"""Right: closures as in micrograd, but an iterative depth-first topological sort, constants kept as Values made
explicitly, a numerically stable sigmoid, and the derived operations written with the reflected forms."""

import math


class Value:
    """One scalar node of a computation graph, with its gradient."""

    def __init__(self, data, _children=(), _op=""):
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    @staticmethod
    def _wrap(x):
        return x if isinstance(x, Value) else Value(x)

    def __add__(self, other):
        other = Value._wrap(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            for v in (self, other):
                v.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = Value._wrap(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            g = out.grad
            self.grad += g * other.data
            other.grad += g * self.data

        out._backward = _backward
        return out

    def __pow__(self, n):
        assert isinstance(n, (int, float)), "only int or float exponents are supported"
        out = Value(self.data**n, (self,), f"**{n}")

        def _backward():
            self.grad += n * (self.data ** (n - 1)) * out.grad

        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.grad * out.data

        out._backward = _backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,), "tanh")

        def _backward():
            self.grad += out.grad * (1.0 - out.data * out.data)

        out._backward = _backward
        return out

    def sigmoid(self):
        x = self.data
        if x >= 0:
            s = 1.0 / (1.0 + math.exp(-x))
        else:
            e = math.exp(x)
            s = e / (1.0 + e)
        out = Value(s, (self,), "sigmoid")

        def _backward():
            self.grad += out.grad * out.data * (1.0 - out.data)

        out._backward = _backward
        return out

    def _topological(self):
        order, done = [], set()
        stack = [(self, False)]
        while stack:
            v, expanded = stack.pop()
            if expanded:
                order.append(v)
            elif v not in done:
                done.add(v)
                stack.append((v, True))
                stack.extend((c, False) for c in v._prev if c not in done)
        return order

    def backward(self):
        order = self._topological()
        self.grad = 1.0
        for v in order[::-1]:
            v._backward()

    def zero_grad(self):
        for v in self._topological():
            v.grad = 0.0

    def __neg__(self):
        return -1 * self

    def __sub__(self, other):
        return self + (-1) * Value._wrap(other)

    def __truediv__(self, other):
        return self * Value._wrap(other) ** -1

    def __radd__(self, other):
        return Value(other) + self

    def __rsub__(self, other):
        return Value(other) - self

    def __rmul__(self, other):
        return Value(other) * self

    def __rtruediv__(self, other):
        return Value(other) / self
