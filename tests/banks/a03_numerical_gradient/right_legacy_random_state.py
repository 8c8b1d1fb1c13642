"""Correct, written differently: grad_check_sparse draws flat indices from np.random.RandomState(seed) in one call.

A generator the docstring does not name, so the draws differ from the reference's; only what is promised
(every index equally likely, independent draws, the same seed the same result) is checked.
"""

import numpy as np


def eval_numerical_gradient(f, x, h=1e-5):
    """
    Estimate the gradient of a scalar function f at x with centered differences.

    For every index ix of x (every entry, whatever the shape of x):

        grad[ix] = (f(x + h e_ix) - f(x - h e_ix)) / (2 h)

    where e_ix is the array of zeros of the shape of x with a one at index ix.

    Inputs:
    - f: a function that takes a float64 numpy array of the same shape as x and
      returns a real number. It is called with points that differ from x in
      exactly one entry.
    - x: numpy array of any shape, of floats or integers: the point at which the
      gradient is estimated. The differences are taken in float64: an integer
      or float32 x is used as a float64 copy. x is not modified: entries changed
      during the call are restored exactly (bit for bit) to their original values.
    - h: the step, a float > 0.

    Returns:
    - grad: float64 numpy array of the same shape as x, the numerical gradient.
    """
    x = np.asarray(x, dtype=np.float64)  # the same array when x is already float64
    grad = np.zeros(x.shape)
    for ix in np.ndindex(x.shape):
        old = x[ix]
        x[ix] = old + h
        f_plus = f(x)
        x[ix] = old - h
        f_minus = f(x)
        x[ix] = old  # restore before the next index
        grad[ix] = (f_plus - f_minus) / (2 * h)
    return grad


def rel_error(x, y):
    """
    The largest relative error between x and y:

        max over all entries of |x - y| / max(1e-8, |x| + |y|)

    The floor 1e-8 keeps the error finite (0) when both entries are 0.

    Inputs:
    - x, y: numbers, or numpy arrays of the same shape, of floats or integers.
      Not modified.

    Returns:
    - error: the largest relative error, a Python float >= 0.
    """
    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))


def grad_check_sparse(f, x, analytic_grad, num_checks=10, h=1e-5, seed=0):
    """
    Check an analytic gradient against centered differences at a few random
    coordinates of x.

    Each of the num_checks checks draws an index ix of x at random (every index
    equally likely; draws are independent, so an index may come up more than
    once) and computes

        grad_numerical = (f(x + h e_ix) - f(x - h e_ix)) / (2 h)
        error = rel_error(grad_numerical, analytic_grad[ix])

    The indices come from a random generator created from seed alone (for
    example np.random.default_rng(seed)): the same seed gives the same result,
    whatever happened before the call, and the draws change with the seed.

    Inputs:
    - f: a function that takes a float64 numpy array of the same shape as x and
      returns a real number.
    - x: numpy array of any shape, of floats or integers: the point of the check.
      The differences are taken in float64, as in eval_numerical_gradient.
      x is not modified (entries changed during the call are restored exactly).
    - analytic_grad: numpy array of the same shape as x: the gradient to check.
      Not modified.
    - num_checks: the number of coordinates to check, an int >= 0.
    - h: the step, a float > 0.
    - seed: an int, the seed of the random generator.

    Returns:
    - checks: a list of num_checks pairs (ix, error), in the order drawn: ix is
      the index checked, a tuple of x.ndim ints (so x[ix] is the entry), and
      error is the relative error at ix, a Python float.
    """
    rng = np.random.RandomState(seed)  # numpy's legacy generator, seeded from seed alone
    x = np.asarray(x, dtype=np.float64)
    checks = []
    for flat in rng.randint(x.size, size=num_checks):  # flat indices, every one equally likely
        ix = tuple(int(i) for i in np.unravel_index(flat, x.shape))
        old = x[ix]
        x[ix] = old + h
        f_plus = f(x)
        x[ix] = old - h
        f_minus = f(x)
        x[ix] = old
        grad_numerical = (f_plus - f_minus) / (2 * h)
        checks.append((ix, rel_error(grad_numerical, analytic_grad[ix])))
    return checks


def svm_loss_single(W, x, y, delta=1.0):
    """
    The multiclass SVM (hinge) loss of one sample.

    With the class scores s = W x:

        L = sum over classes j != y of max(0, s_j - s_y + delta)

    Inputs:
    - W: numpy array of shape (C, D), of floats or integers: one row of weights
      per class. Not modified.
    - x: numpy array of shape (D,), of floats or integers: the sample. Not modified.
    - y: an int, 0 <= y < C: the correct class.
    - delta: the margin, a number >= 0.

    Returns:
    - loss: the loss L, a Python float.
    """
    scores = W @ x
    margins = np.maximum(0, scores - scores[y] + delta)
    margins[y] = 0
    return float(np.sum(margins))


def svm_grad_single(W, x, y, delta=1.0):
    """
    The gradient of svm_loss_single with respect to W.

    A margin s_j - s_y + delta counts when it is strictly positive (a margin of
    exactly 0 does not count). Then, row by row:

        dW[j] = x if the margin of class j != y counts, else 0
        dW[y] = -(the number of classes j != y whose margin counts) * x

    Inputs:
    - W: numpy array of shape (C, D), of floats or integers. Not modified.
    - x: numpy array of shape (D,), of floats or integers. Not modified.
    - y: an int, 0 <= y < C: the correct class.
    - delta: the margin, a number >= 0.

    Returns:
    - dW: float64 numpy array of shape (C, D), the gradient dL/dW.
    """
    scores = W @ x
    counts = (scores - scores[y] + delta > 0).astype(np.float64)
    counts[y] = 0
    counts[y] = -np.sum(counts)
    return np.outer(counts, x)
