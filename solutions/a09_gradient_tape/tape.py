"""Reverse mode on a tape, as TensorFlow's GradientTape does it, and second derivatives from nested tapes.

In a08 every Value carried its own piece of the graph. Here the record is kept apart from the values, on a *tape*:
a list of the operations in the order they ran (a Wengert list). A tape records while its `with` block runs, and
`gradient` walks its record backwards:

    x = Variable(3.0)
    with GradientTape() as tape:
        y = x * x + 2 * x
    dy_dx = tape.gradient(y, x)          # dy_dx.value == 8.0

The backward pass is made of ordinary operations on Tensors. A tape that is active around it records them too, so
its gradient of a gradient is a second derivative:

    with GradientTape() as outer:
        with GradientTape() as inner:
            y = x ** 3
        dy_dx = inner.gradient(y, x)     # 3 x^2 = 27.0, recorded on outer
    d2y_dx2 = outer.gradient(dy_dx, x)   # 6 x = 18.0

A gradient is None for a source the target does not depend on: for y = x * w + b, dy/dw = x does not depend on w,
so outer.gradient(dy_dw, w) is None.

Given: `_ACTIVE`, `Tensor.__init__` and `__repr__`, `Variable`, `_as_tensor`, `GradientTape.__init__` and `_tracks`.
Every other function and method is yours to write (the version you receive raises NotImplementedError).
"""

import math

import numpy as np

_ACTIVE = []  # the tapes whose with block is running, outermost first


class Tensor:
    """
    An immutable scalar: a constant, or the result of an operation.

    Attributes:
    - value: the number, a Python float.

    Operations: + - * / and unary minus between Tensors and with Python ints and floats on either side (a number is
    a constant: it becomes a Tensor that no tape watches); ** with a number as the exponent; the methods exp, log,
    sin, cos, tanh and sigmoid. Each operation returns a new Tensor made by record_operation, with a backward
    function written with Tensor operations, and leaves its operands as they were.
    """

    def __init__(self, value):
        """
        Make a Tensor that holds `value` (a number, Python or numpy, int or float), stored as a Python float.
        """
        self.value = float(value)

    def __repr__(self):
        return f"{type(self).__name__}({self.value})"

    # ------------------------------------------------------------------ arithmetic

    def __add__(self, other):
        """
        Sum, self + other.

        Inputs:
        - other: a Tensor, or an int or float.

        Returns:
        - out: out.value = self.value + other.value; backward(g) = (g, g).
        """
        # BEGIN SOLUTION
        other = _as_tensor(other)
        return record_operation("add", (self, other), self.value + other.value, lambda g: (g, g))
        # END SOLUTION

    def __sub__(self, other):
        """
        Difference, self - other.

        Inputs:
        - other: a Tensor, or an int or float.

        Returns:
        - out: out.value = self.value - other.value; backward(g) = (g, -g).
        """
        # BEGIN SOLUTION
        other = _as_tensor(other)
        return record_operation("sub", (self, other), self.value - other.value, lambda g: (g, -g))
        # END SOLUTION

    def __mul__(self, other):
        """
        Product, self * other.

        Inputs:
        - other: a Tensor, or an int or float.

        Returns:
        - out: out.value = self.value * other.value; backward(g) = (g * other, g * self).
        """
        # BEGIN SOLUTION
        other = _as_tensor(other)
        return record_operation("mul", (self, other), self.value * other.value,
                                lambda g: (g * other, g * self))
        # END SOLUTION

    def __truediv__(self, other):
        """
        Quotient, self / other.

        Inputs:
        - other: a Tensor, or an int or float, whose value is not 0.

        Returns:
        - out: out.value = self.value / other.value; backward(g) = (g / other, -g * self / (other * other)).
        """
        # BEGIN SOLUTION
        other = _as_tensor(other)
        return record_operation("div", (self, other), self.value / other.value,
                                lambda g: (g / other, -g * self / (other * other)))
        # END SOLUTION

    def __neg__(self):
        """
        Negation, -self.

        Returns:
        - out: out.value = -self.value; backward(g) = (-g,).
        """
        # BEGIN SOLUTION
        return record_operation("neg", (self,), -self.value, lambda g: (-g,))
        # END SOLUTION

    def __pow__(self, n):
        """
        Power with a constant exponent, self ** n.

        Inputs:
        - n: the exponent, an int or float (not a Tensor). self.value ** n must be a real number: a non-integer n
          needs self.value > 0, a negative one needs self.value != 0.

        Returns:
        - out: out.value = self.value ** n; backward(g) = (g * n * self ** (n - 1),).
        """
        assert isinstance(n, (int, float)), "only int or float exponents are supported"
        # BEGIN SOLUTION
        return record_operation("pow", (self,), self.value**n, lambda g: (g * n * self ** (n - 1),))
        # END SOLUTION

    def __radd__(self, other):
        """
        Reflected sum, other + self, for a number other (Python calls it for 2 + x).

        Returns:
        - out: out.value = other + self.value, with the derivatives of +.
        """
        # BEGIN SOLUTION
        return _as_tensor(other) + self
        # END SOLUTION

    def __rsub__(self, other):
        """
        Reflected difference, other - self, for a number other (Python calls it for 2 - x).

        Returns:
        - out: out.value = other - self.value, with the derivatives of -.
        """
        # BEGIN SOLUTION
        return _as_tensor(other) - self
        # END SOLUTION

    def __rmul__(self, other):
        """
        Reflected product, other * self, for a number other (Python calls it for 2 * x).

        Returns:
        - out: out.value = other * self.value, with the derivatives of *.
        """
        # BEGIN SOLUTION
        return _as_tensor(other) * self
        # END SOLUTION

    def __rtruediv__(self, other):
        """
        Reflected quotient, other / self, for a number other (Python calls it for 2 / x); self.value must not be 0.

        Returns:
        - out: out.value = other / self.value, with the derivatives of /.
        """
        # BEGIN SOLUTION
        return _as_tensor(other) / self
        # END SOLUTION

    # ------------------------------------------------------------------ functions

    def exp(self):
        """
        Exponential, e ** self.

        Returns:
        - out: out.value = math.exp(self.value); backward(g) = (g * out,), since the derivative of e^x is e^x.
        """
        # BEGIN SOLUTION
        out = record_operation("exp", (self,), math.exp(self.value), lambda g: (g * out,))
        return out
        # END SOLUTION

    def log(self):
        """
        Natural logarithm, ln(self); self.value must be > 0.

        Returns:
        - out: out.value = math.log(self.value); backward(g) = (g / self,).
        """
        # BEGIN SOLUTION
        return record_operation("log", (self,), math.log(self.value), lambda g: (g / self,))
        # END SOLUTION

    def sin(self):
        """
        Sine, sin(self).

        Returns:
        - out: out.value = math.sin(self.value); backward(g) = (g * self.cos(),).
        """
        # BEGIN SOLUTION
        return record_operation("sin", (self,), math.sin(self.value), lambda g: (g * self.cos(),))
        # END SOLUTION

    def cos(self):
        """
        Cosine, cos(self).

        Returns:
        - out: out.value = math.cos(self.value); backward(g) = (-g * self.sin(),).
        """
        # BEGIN SOLUTION
        return record_operation("cos", (self,), math.cos(self.value), lambda g: (-g * self.sin(),))
        # END SOLUTION

    def tanh(self):
        """
        Hyperbolic tangent, tanh(self).

        Returns:
        - out: out.value = math.tanh(self.value); backward(g) = (g * (1 - out * out),).
        """
        # BEGIN SOLUTION
        out = record_operation("tanh", (self,), math.tanh(self.value), lambda g: (g * (1 - out * out),))
        return out
        # END SOLUTION

    def sigmoid(self):
        """
        Logistic sigmoid, 1 / (1 + e^(-self)).

        Returns:
        - out: out.value = 1 / (1 + math.exp(-self.value)); backward(g) = (g * out * (1 - out),).
        """
        # BEGIN SOLUTION
        out = record_operation("sigmoid", (self,), 1 / (1 + math.exp(-self.value)),
                               lambda g: (g * out * (1 - out),))
        return out
        # END SOLUTION


class Variable(Tensor):
    """
    A watched scalar: a Tensor that every tape tracks without being asked to watch it (a model's parameter).

    Operations on Variables give plain Tensors, like operations on any Tensor.
    """


def _as_tensor(x):
    """x itself if it is a Tensor; a number becomes a constant Tensor(x)."""
    return x if isinstance(x, Tensor) else Tensor(x)


def record_operation(op, inputs, value, backward):
    """
    Make the result of an operation and record it on the active tapes that track one of its inputs.

    Inputs:
    - op: a short name ("add", "mul", ...), for printing only.
    - inputs: a tuple of the Tensors the operation read.
    - value: the result, a number.
    - backward: a function of one Tensor g, the gradient of some target with respect to the result, that returns a
      tuple of gradients, the k-th with respect to inputs[k]. It computes with Tensor operations, so that its own
      operations are recorded in turn.

    Returns:
    - out: a new Tensor (not a Variable) with out.value = value.
    Each active tape that tracks one of the inputs records the operation (op, inputs, out, backward) and tracks out
    from then on; a tape that tracks none of the inputs records nothing.
    """
    # BEGIN SOLUTION
    out = Tensor(value)
    for tape in _ACTIVE:
        if any(tape._tracks(x) for x in inputs):
            tape._record.append((op, inputs, out, backward))
            tape._tracked[id(out)] = out
    return out
    # END SOLUTION


class GradientTape:
    """
    A record of the operations run while its with block is active:

        with GradientTape() as tape:     # tape records from here
            y = x * x                    # ... to here
        dy_dx = tape.gradient(y, x)

    A tape that is not persistent answers one gradient call; a persistent one answers any number of them, the same
    way each time.

    Attributes (a suggested layout: the tests call the methods only and do not read these, so another layout that
    holds to the methods' promises is fine):
    - persistent: bool, as given.
    - _record: a list with one entry (op, inputs, out, backward) per recorded operation, in the order the operations
      ran.
    - _tracked: a dict from id(t) to t for the Tensors this tape tracks besides Variables: those it was asked to
      watch, and the outputs of its recorded operations. (Holding t stops Python from reusing its id.)
    - _used: True once gradient has been called.

    Tapes may be nested: while several are active, an operation is recorded on each active tape that tracks one of
    its inputs.
    """

    def __init__(self, persistent=False):
        """
        Make an empty tape; it records nothing until its with block starts.

        Inputs:
        - persistent: bool, False by default: whether gradient may be called more than once.
        """
        self.persistent = persistent
        self._record = []
        self._tracked = {}
        self._used = False

    def _tracks(self, x):
        """True when this tape tracks x: a Variable, a watched Tensor, or the output of a recorded operation."""
        return isinstance(x, Variable) or id(x) in self._tracked

    def __enter__(self):
        """
        Start recording: append this tape to _ACTIVE.

        Returns:
        - the tape itself, so that `with GradientTape() as tape:` names it.
        """
        # BEGIN SOLUTION
        _ACTIVE.append(self)
        return self
        # END SOLUTION

    def __exit__(self, exc_type, exc, traceback):
        """
        Stop recording: remove this tape, and only this one, from _ACTIVE, so that later operations are not recorded
        on it. Its record stays for gradient.

        Returns:
        - None, so that an exception raised in the with block goes on (after this tape has stopped recording).
        """
        # BEGIN SOLUTION
        _ACTIVE.remove(self)
        # END SOLUTION

    def watch(self, x):
        """
        Track the Tensor x (a constant): operations on x from now on are recorded, and gradient can answer for it.
        A Variable needs no watch.

        Inputs:
        - x: a Tensor.
        """
        # BEGIN SOLUTION
        self._tracked[id(x)] = x
        # END SOLUTION

    def gradient(self, target, sources):
        """
        Reverse mode over the record: the derivative of target with respect to each source.

        The gradient of target with respect to itself is Tensor(1.0). The record is walked from its last entry to its
        first; an entry whose out has a gradient g hands backward(g) on to its inputs, and the contributions that
        reach one Tensor from several entries are added up. Walked backwards, the record reaches an entry only after
        all the entries that used its out, so that out's gradient is complete by then.

        The backward functions compute with Tensor operations, recorded like any others: a tape that is active
        around this call (an outer tape) records the computation of the gradients, and its gradient of one of them
        is a second derivative.

        Inputs:
        - target: a Tensor.
        - sources: a Tensor, or a list of Tensors.

        Returns the gradients in the structure of sources: a Tensor for a Tensor, a list of the same length for a
        list. A source gets None when this tape does not track it (a Tensor it was never asked to watch), or when no
        path of recorded operations leads from it to target: the target does not depend on it. Raises RuntimeError
        when the tape is not persistent and gradient has been called on it before.
        """
        # BEGIN SOLUTION
        if self._used and not self.persistent:
            raise RuntimeError("this GradientTape is not persistent and gradient was already called on it; make it "
                               "with GradientTape(persistent=True) to call gradient more than once")
        self._used = True
        grads = {id(target): Tensor(1.0)}
        for op, inputs, out, backward in reversed(list(self._record)):
            g = grads.get(id(out))
            if g is None:
                continue
            for x, gx in zip(inputs, backward(g)):
                grads[id(x)] = grads[id(x)] + gx if id(x) in grads else gx
        if isinstance(sources, list):
            return [grads.get(id(s)) if self._tracks(s) else None for s in sources]
        return grads.get(id(sources)) if self._tracks(sources) else None
        # END SOLUTION


# ---------------------------------------------------------------------- using second derivatives


def derivatives(f, x):
    """
    f(x), f'(x) and f''(x), from two nested tapes.

    Inputs:
    - f: a function of one Tensor that returns a Tensor, built from the operations above (lambda t: t ** 3 - 2 * t).
    - x: the point, a number.

    Returns a tuple (y, dy, d2y) of Python floats: y = f(x); dy = f'(x), from a tape around f; d2y = f''(x), from a
    tape around that tape's gradient call. A derivative that a tape reports as None (f does not depend on x, or f'
    does not) is 0.0.
    """
    # BEGIN SOLUTION
    t = Variable(x)
    with GradientTape() as outer:
        with GradientTape() as inner:
            y = f(t)
        dy = inner.gradient(y, t)
    d2y = None if dy is None else outer.gradient(dy, t)
    return float(y.value), 0.0 if dy is None else float(dy.value), 0.0 if d2y is None else float(d2y.value)
    # END SOLUTION


def newton(f, x0, steps):
    """
    Newton's method for a minimum of f: x_{k+1} = x_k - f'(x_k) / f''(x_k), both derivatives from derivatives().

    Inputs:
    - f: a function of one Tensor, as for derivatives; f''(x_k) must not be 0.
    - x0: the start, a number.
    - steps: the number of steps, an int >= 0.

    Returns:
    - xs: a float array of shape (steps + 1,): xs[0] = x0, and xs[k] is the point after k steps.
    """
    # BEGIN SOLUTION
    xs = [float(x0)]
    while len(xs) <= steps:          # xs[0] .. xs[steps]
        _, dy, d2y = derivatives(f, xs[-1])
        xs.append(xs[-1] - dy / d2y)
    return np.array(xs)
    # END SOLUTION


def gradient_descent(f, x0, lr, steps):
    """
    Gradient descent on f: x_{k+1} = x_k - lr * f'(x_k), the derivative from a tape.

    Inputs:
    - f: a function of one Tensor, as for derivatives.
    - x0: the start, a number.
    - lr: the learning rate, a float > 0.
    - steps: the number of steps, an int >= 0.

    Returns:
    - xs: a float array of shape (steps + 1,): xs[0] = x0, and xs[k] is the point after k steps.
    """
    # BEGIN SOLUTION
    xs = [float(x0)]
    while len(xs) <= steps:          # xs[0] .. xs[steps]
        _, dy, _ = derivatives(f, xs[-1])
        xs.append(xs[-1] - lr * dy)
    return np.array(xs)
    # END SOLUTION
