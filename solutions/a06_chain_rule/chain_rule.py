"""The chain rule on small computational graphs.

Every function here runs a forward pass (compute the value, node by node) and a backward pass (multiply local
gradients from the output back to the inputs). Numbers in the examples come from the handout.
"""

import numpy as np


def add_mul(x, y, z):
    """
    Forward and backward pass through the graph f = (x + y) * z.

    The graph has two gates: an add gate q = x + y, then a multiply gate f = q * z.

    Inputs:
    - x, y, z: numbers (Python or numpy, int or float), or numpy arrays all of the same shape (any shape),
      treated elementwise. None of them is modified.

    Returns a tuple (f, grads):
    - f: the value (x + y) * z; a number for numbers, an array of the inputs' shape for arrays.
    - grads: a tuple (dfdx, dfdy, dfdz) of the partial derivatives of f with respect to x, y and z, in that
      order; each a number for numbers, an array of the inputs' shape for arrays.

    Example: add_mul(-2, 5, -4) returns (-12, (-4, -4, 3)).
    """
    # BEGIN SOLUTION
    q = x + y  # forward: add gate
    f = q * z  # forward: multiply gate
    dfdq, dfdz = z, q  # multiply gate: each input's local gradient is the other input
    return f, (dfdq, dfdq, dfdz)  # add gate: local gradients 1, so x and y both get df/dq
    # END SOLUTION


def sigmoid(z):
    """
    Numerically stable logistic sigmoid, sigma(z) = 1 / (1 + exp(-z)), elementwise.

    Inputs:
    - z: a number (int or float), or a numpy array of any shape with int or float dtype. Not modified.

    Returns:
    - s: sigma(z), a float for a number (a numpy float or a 0-d array is fine too), or a float array of the
      same shape as z for an array. Every value lies in [0, 1]. For every finite z, including z = -1000 and
      z = 1000, the result is finite and no warning (such as numpy's "overflow encountered in exp") is raised:
      exp is never evaluated at a large positive argument. Underflow to 0 is fine.

    Example: sigmoid(0) is 0.5, sigmoid(np.array([-1000, 1000])) is [0., 1.], without a warning.
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))  # exp of a number <= 0: in (0, 1], never overflows
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # for z < 0, sigma(z) = exp(z) / (1 + exp(z))
    return float(s) if s.ndim == 0 else s
    # END SOLUTION


def sigmoid_grad(z):
    """
    Derivative of the sigmoid at z, sigma'(z) = sigma(z) * (1 - sigma(z)), elementwise.

    Inputs:
    - z: the sigmoid's input (not its output): a number (int or float), or a numpy array of any shape with
      int or float dtype. Not modified.

    Returns:
    - ds: sigma'(z), a float for a number (a numpy float or a 0-d array is fine too), or a float array of the
      same shape as z for an array. Every value lies in [0, 0.25] and is finite for every finite z, including
      z = -1000 and z = 1000 (where sigma'(z) is 0 to within 1e-12).

    Example: sigmoid_grad(0) is 0.25, sigmoid_grad(1) is 0.19661193324148185.
    """
    # BEGIN SOLUTION
    s = sigmoid(z)
    return s * (1 - s)
    # END SOLUTION


def sigmoid_neuron(w, x):
    """
    Forward and backward pass of one sigmoid neuron, f = sigma(w[0]*x[0] + ... + w[D-1]*x[D-1] + w[D]).

    The bias is the last entry of w, so f = sigma(w . [x, 1]) where [x, 1] is x with a 1 appended.

    Inputs:
    - w: numpy array of shape (D + 1,), int or float dtype: D weights followed by the bias. Not modified.
    - x: numpy array of shape (D,), int or float dtype: the inputs. Not modified.

    Returns a tuple (f, dw, dx):
    - f: the output sigma(w . [x, 1]), a float (a numpy float or a 0-d array is fine too).
    - dw: numpy float array of shape (D + 1,), the gradient df/dw (the bias's gradient last).
    - dx: numpy float array of shape (D,), the gradient df/dx.

    Example: w = [2, -3, -3], x = [-1, -2] gives f = 0.7310585786, dw = [-0.1966119332, -0.3932238665,
    0.1966119332] and dx = [0.3932238665, -0.5898357997].
    """
    # BEGIN SOLUTION
    xb = np.append(x, 1.0)  # [x, 1]: the bias's input is the constant 1
    f = sigmoid(w @ xb)  # forward: dot product, then sigmoid
    ddot = (1 - f) * f  # backward: the sigmoid's local gradient, upstream gradient 1
    return f, ddot * xb, ddot * w[:-1]  # multiply gates: each gets the other input times ddot
    # END SOLUTION


def delta_rule_step(w, x, y, lr):
    """
    One delta-rule update of a sigmoid unit without bias: yhat = sigma(h) with h = w . x, and
    Delta w = lr * (y - yhat) * sigma'(h) * x, a gradient-descent step on the loss (y - yhat)^2 / 2.

    Inputs:
    - w: numpy array of shape (D,), int or float dtype: the weights. Not modified.
    - x: numpy array of shape (D,), int or float dtype: one input sample. Not modified.
    - y: number, the target.
    - lr: number, the learning rate.

    Returns:
    - dw: numpy float array of shape (D,), the change Delta w (to be added to w; not the updated weights).

    Example: w = [0.5, -0.5, 0.3, 0.1], x = [1, 2, 3, 4], y = 0.5, lr = 0.5 gives h = 0.8, yhat = 0.6899744811
    and dw = [-0.02031869, -0.04063738, -0.06095608, -0.08127477].
    """
    # BEGIN SOLUTION
    h = w @ x  # forward: weighted sum
    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x  # the error, times sigma'(h), times dh/dw = x
    # END SOLUTION
