"""Wrong: forward multiplies by W1 and W2 instead of their transposes (X @ W1, a1 @ W2).

Otherwise identical to the reference solution.
"""

import numpy as np


def sigmoid(z):
    """The logistic function sigmoid(z) = 1 / (1 + exp(-z)), elementwise (given, not graded)."""
    return 1.0 / (1.0 + np.exp(-z))


def cost(out, Y):
    """Mean quadratic cost C = (1/N) * sum_n 1/2 * ||out_n - Y_n||^2 (given, not graded).

    Inputs:
    - out: Network outputs, numpy array of shape (N, K).
    - Y: Targets, numpy array of shape (N, K).

    Returns:
    - C: Python float, the cost averaged over the N samples.
    """
    return float(0.5 * np.sum((out - Y) ** 2) / out.shape[0])


def forward(params, X):
    """Forward pass of the two-layer sigmoid network.

    For every sample (row) x of X: a1 = sigmoid(W1 x + b1), out = sigmoid(W2 a1 + b2).

    Inputs:
    - params: Dict with keys 'W1' of shape (H, D), 'b1' of shape (H,), 'W2' of shape
      (K, H) and 'b2' of shape (K,), all float64 numpy arrays. Not modified.
    - X: Input batch, numpy array of shape (N, D), one sample per row; float or
      integer dtype. Not modified.

    Returns a tuple of:
    - out: Network output, float64 numpy array of shape (N, K); row n is the output
      for sample X[n].
    - cache: Whatever backward needs; its contents are up to you (it is only ever
      passed back to your own backward).
    """
    a1 = sigmoid(X @ params["W1"] + params["b1"])
    out = sigmoid(a1 @ params["W2"] + params["b2"])
    return out, (X, a1, out)


def backward(params, cache, Y):
    """Backward pass: gradients of the mean quadratic cost with respect to every parameter.

    The cost is C = (1/N) * sum_n 1/2 * ||out_n - Y_n||^2, averaged over the N samples
    of the batch that produced cache (see the module docstring). With one sample this is
    1/2 ||out - y||^2.

    Inputs:
    - params: The same dict that was passed to forward (keys 'W1', 'b1', 'W2', 'b2').
      Not modified.
    - cache: The cache returned by forward(params, X). Not modified, so backward may be
      called more than once with the same cache.
    - Y: Targets, numpy array of shape (N, K); float or integer dtype. Not modified.

    Returns:
    - grads: Dict with the same keys as params; grads[k] is dC/dparams[k], a float64
      numpy array of the same shape as params[k].
    """
    X, a1, out = cache
    N = X.shape[0]
    delta2 = (out - Y) * out * (1 - out) / N             # dC/dz2, shape (N, K)
    delta1 = (delta2 @ params["W2"]) * a1 * (1 - a1)     # dC/dz1, shape (N, H)
    return {
        "W1": delta1.T @ X,
        "b1": delta1.sum(axis=0),
        "W2": delta2.T @ a1,
        "b2": delta2.sum(axis=0),
    }


def sgd_step(params, grads, lr):
    """One gradient-descent step: new[k] = params[k] - lr * grads[k] for every key k.

    Inputs:
    - params: Dict of float64 numpy arrays (keys 'W1', 'b1', 'W2', 'b2'). Not modified.
    - grads: Dict with the same keys and shapes as params, e.g. from backward. Not modified.
    - lr: Learning rate, a positive Python float (or int).

    Returns:
    - new_params: A new dict with the same keys as params; new_params[k] is a new
      float64 array of the same shape as params[k]. params and grads are left unchanged.
    """
    return {k: params[k] - lr * grads[k] for k in params}
