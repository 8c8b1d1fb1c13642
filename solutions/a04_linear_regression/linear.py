"""Linear regression y = w x, fitted by gradient descent on the mean squared error.

The model has one weight w and no bias: the prediction for an input x is w * x. On a data set
of N pairs (xs[i], ys[i]) the cost is the mean squared error

    C(w) = mean((w * xs - ys) ** 2),        dC/dw = 2 * mean((w * xs - ys) * xs).

The last function adds a bias b: C(w, b) = mean((w * xs + b - ys) ** 2).
"""

import numpy as np


def forward(w, x):
    """
    The prediction of the linear model, yhat = w * x.

    Inputs:
    - w: the weight, a float.
    - x: the input, a float or a numpy array of any shape (float or integer dtype). Not modified.

    Returns:
    - yhat: w * x. A float if x is a float; otherwise a new float numpy array of the same shape
      as x, with yhat[i] = w * x[i].
    """
    # BEGIN SOLUTION
    return w * x
    # END SOLUTION


def cost(w, xs, ys):
    """
    The mean squared error of the model y = w x on a data set:

        C(w) = (1 / N) * sum_i (w * xs[i] - ys[i]) ** 2

    (the mean, not the sum, and no factor 1/2).

    Inputs:
    - w: the weight, a float.
    - xs: numpy array of shape (N,), N >= 1, float or integer dtype: the inputs. Not modified.
    - ys: numpy array of shape (N,), float or integer dtype: the targets. Not modified.

    Returns:
    - C: the cost, a float.
    """
    # BEGIN SOLUTION
    return float(np.mean((forward(w, xs) - ys) ** 2))
    # END SOLUTION


def gradient(w, xs, ys):
    """
    The derivative of the cost C(w) = (1 / N) * sum_i (w * xs[i] - ys[i]) ** 2 of `cost`:

        dC/dw = (2 / N) * sum_i (w * xs[i] - ys[i]) * xs[i]

    Inputs:
    - w: the weight, a float.
    - xs: numpy array of shape (N,), N >= 1, float or integer dtype: the inputs. Not modified.
    - ys: numpy array of shape (N,), float or integer dtype: the targets. Not modified.

    Returns:
    - dw: the derivative dC/dw at w, a float.
    """
    # BEGIN SOLUTION
    return float(np.mean(2 * (forward(w, xs) - ys) * xs))
    # END SOLUTION


def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=100):
    """
    Full-batch gradient descent on the cost C(w) of `cost`. Starting from w = w0, every epoch
    makes one update with the gradient over all N samples:

        w <- w - lr * dC/dw(w)

    and the cost is recorded just before each update.

    Inputs:
    - xs: numpy array of shape (N,), N >= 1, float or integer dtype: the inputs. Not modified.
    - ys: numpy array of shape (N,), float or integer dtype: the targets. Not modified.
    - w0: the starting weight, a float (default 1.0).
    - lr: the learning rate, a float (default 0.01).
    - epochs: the number of updates, an int >= 0 (default 100).

    Returns a tuple (w, costs):
    - w: the weight after `epochs` updates, a float (w0 itself if epochs is 0).
    - costs: float numpy array of shape (epochs,). costs[i] is the cost C(w) just before
      update i, so costs[0] = C(w0); the cost after the last update is not included.
    """
    # BEGIN SOLUTION
    w, costs = w0, []
    for _ in range(epochs):
        costs.append(cost(w, xs, ys))
        w = w - lr * gradient(w, xs, ys)
    return float(w), np.array(costs, dtype=float)
    # END SOLUTION


def gradient_wb(w, b, xs, ys):
    """
    The gradient of the mean squared error of the model y = w x + b (weight and bias):

        C(w, b) = (1 / N) * sum_i (w * xs[i] + b - ys[i]) ** 2
        dC/dw   = (2 / N) * sum_i (w * xs[i] + b - ys[i]) * xs[i]
        dC/db   = (2 / N) * sum_i (w * xs[i] + b - ys[i])

    This C is the mean with no factor 1/2, so both derivatives carry the factor 2.

    Inputs:
    - w: the weight, a float.
    - b: the bias, a float.
    - xs: numpy array of shape (N,), N >= 1, float or integer dtype: the inputs. Not modified.
    - ys: numpy array of shape (N,), float or integer dtype: the targets. Not modified.

    Returns a tuple (dw, db) of two floats: dC/dw and dC/db at (w, b), in this order.
    """
    # BEGIN SOLUTION
    r = w * xs + b - ys
    return float(np.mean(2 * r * xs)), float(np.mean(2 * r))
    # END SOLUTION
