"""Wrong: __rtruediv__ computes self / other, so 2 / x gives x / 2.

Otherwise identical to the reference solution.
"""

import math


class Value:
    """
    One scalar node of a computation graph, with its gradient.

    Attributes:
    - data: the node's value, a Python float.
    - grad: a Python float, the derivative of the output that backward() was last called on with respect to
      this node (summed over calls, see backward). 0.0 for a new node.
    - _prev: the set of Values this node was computed from (empty for a leaf).
    - _backward: a function of no arguments that adds this node's gradient contribution to its children's
      .grad, using this node's .grad; for a leaf it does nothing.
    - _op: a short string naming the operation that made this node ('' for a leaf), for printing only.

    Operands: wherever an operation takes `other`, it may be a Value or a Python int or float. A number is
    treated as a constant: it is wrapped in a new leaf Value, whose gradient is computed but never read.
    No operation modifies the .data or .grad of its operands; each returns a new Value whose .grad is 0.0.
    """

    def __init__(self, data, _children=(), _op=""):
        """
        Make a node.

        Inputs:
        - data: a number (Python or numpy, int or float); stored as a Python float.
        - _children: tuple of the Values this node is computed from; () for a leaf.
        - _op: the name of the operation, for printing.
        """
        self.data = float(data)
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # ------------------------------------------------------------------ the primitive operations

    def __add__(self, other):
        """
        Sum of two nodes, self + other.

        Inputs:
        - other: a Value, or an int or float.

        Returns:
        - out: a new Value with out.data = self.data + other.data, whose children are self and other.
          Local derivatives: d out / d self = 1, d out / d other = 1.
        """
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        """
        Product of two nodes, self * other.

        Inputs:
        - other: a Value, or an int or float.

        Returns:
        - out: a new Value with out.data = self.data * other.data, whose children are self and other.
          Local derivatives: d out / d self = other.data, d out / d other = self.data.
        """
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, other):
        """
        Power with a constant exponent, self ** other.

        Inputs:
        - other: the exponent, an int or float (not a Value). self.data ** other must be a real number: a
          non-integer exponent needs self.data > 0, a negative one needs self.data != 0.

        Returns:
        - out: a new Value with out.data = self.data ** other, whose only child is self.
          Local derivative: d out / d self = other * self.data ** (other - 1).
        """
        assert isinstance(other, (int, float)), "only int or float exponents are supported"
        out = Value(self.data**other, (self,), f"**{other}")

        def _backward():
            self.grad += other * self.data ** (other - 1) * out.grad

        out._backward = _backward
        return out

    def exp(self):
        """
        Exponential, e ** self.

        Inputs: none.

        Returns:
        - out: a new Value with out.data = math.exp(self.data), whose only child is self.
          Local derivative: d out / d self = exp(self.data) = out.data.
        """
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def tanh(self):
        """
        Hyperbolic tangent, tanh(self) = (e^{2x} - 1) / (e^{2x} + 1) with x = self.data.

        Inputs: none.

        Returns:
        - out: a new Value with out.data = tanh(self.data), whose only child is self.
          Local derivative: d out / d self = 1 - tanh(self.data) ** 2 = 1 - out.data ** 2.
        """
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1 - t**2) * out.grad

        out._backward = _backward
        return out

    def sigmoid(self):
        """
        Logistic sigmoid, sigma(self) = 1 / (1 + e^{-x}) with x = self.data.

        Inputs: none.

        Returns:
        - out: a new Value with out.data = 1 / (1 + exp(-self.data)), whose only child is self.
          Local derivative: d out / d self = sigma(x) * (1 - sigma(x)) = out.data * (1 - out.data).
        """
        s = 1 / (1 + math.exp(-self.data))
        out = Value(s, (self,), "sigmoid")

        def _backward():
            self.grad += s * (1 - s) * out.grad

        out._backward = _backward
        return out

    # ------------------------------------------------------------------ backward pass

    def backward(self):
        """
        Reverse-mode differentiation: compute d self / d node for every node of the graph that produced self.

        Builds a topological order of the nodes reachable from self (every node comes after the nodes it was
        computed from), sets self.grad = 1.0 (d self / d self = 1), then calls each node's _backward in the
        reverse of that order, so that a node's .grad is complete before it is passed on to its children.

        Gradients are accumulated with +=: a node used several times (x * x, or x feeding two branches)
        receives the sum of the contributions from every use. Nothing is reset first: the .grad of every
        node other than self starts from whatever it held (0.0 for a fresh graph), so a second backward()
        on the same graph, or on another graph that shares nodes, adds to the gradients already there.
        Call zero_grad() to start from 0.

        Inputs: none.

        Returns: None. Modifies the .grad of self and of every node reachable from self; no .data is modified.
        """
        topo = []
        visited = set()

        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)

        build_topo(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()

    def zero_grad(self):
        """
        Reset the gradients of this node's graph.

        Sets .grad = 0.0 on every node reachable from self: self, the Values self was computed from, the
        Values those were computed from, and so on down to the leaves. Nodes that are not reachable from self
        (for example another output computed from the same leaves) keep their .grad.

        Inputs: none.

        Returns: None. No .data is modified.
        """
        visited = set()

        def reset(v):
            if v not in visited:
                visited.add(v)
                v.grad = 0.0
                for child in v._prev:
                    reset(child)

        reset(self)

    # ------------------------------------------------------------------ derived operations (one line each)

    def __neg__(self):
        """
        Negation, -self.

        Returns:
        - out: a Value with out.data = -self.data and d out / d self = -1.
        """
        return self * -1

    def __sub__(self, other):
        """
        Difference, self - other.

        Inputs:
        - other: a Value, or an int or float.

        Returns:
        - out: a Value with out.data = self.data - other.data; d out / d self = 1, d out / d other = -1.
        """
        return self + (-other)

    def __truediv__(self, other):
        """
        Quotient, self / other.

        Inputs:
        - other: a Value, or a nonzero int or float. other.data must not be 0.

        Returns:
        - out: a Value with out.data = self.data / other.data; d out / d self = 1 / other.data,
          d out / d other = -self.data / other.data ** 2.
        """
        return self * other**-1

    def __radd__(self, other):
        """
        Reflected sum, other + self, for a number other (Python calls it for 2 + x).

        Inputs:
        - other: an int or float.

        Returns:
        - out: a Value with out.data = other + self.data; d out / d self = 1.
        """
        return self + other

    def __rsub__(self, other):
        """
        Reflected difference, other - self, for a number other (Python calls it for 2 - x).

        Inputs:
        - other: an int or float.

        Returns:
        - out: a Value with out.data = other - self.data; d out / d self = -1.
        """
        return other + (-self)

    def __rmul__(self, other):
        """
        Reflected product, other * self, for a number other (Python calls it for 2 * x).

        Inputs:
        - other: an int or float.

        Returns:
        - out: a Value with out.data = other * self.data; d out / d self = other.
        """
        return self * other

    def __rtruediv__(self, other):
        """
        Reflected quotient, other / self, for a number other (Python calls it for 2 / x).

        Inputs:
        - other: an int or float. self.data must not be 0.

        Returns:
        - out: a Value with out.data = other / self.data; d out / d self = -other / self.data ** 2.
        """
        return self / other
