"""Right: column vectors and a Python loop over samples, outer products, a dict cache, sigmoid via tanh."""

import numpy as np


def sigmoid(z):
    """sigma(z) = (1 + tanh(z / 2)) / 2, the same function written another way."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def forward(params, X):
    """Forward pass, one sample at a time, with column vectors."""
    X = np.asarray(X, dtype=np.float64)
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    hidden, outputs = [], []
    for x in X:
        a1 = sigmoid(W1.dot(x.reshape(-1, 1)) + b1.reshape(-1, 1))
        a2 = sigmoid(W2.dot(a1) + b2.reshape(-1, 1))
        hidden.append(a1)
        outputs.append(a2)
    out = np.hstack(outputs).T
    return out, {"x": X, "a1": hidden, "a2": outputs}


def backward(params, cache, Y):
    """Backward pass: per-sample gradients, averaged over the batch."""
    grads = {k: np.zeros_like(v, dtype=np.float64) for k, v in params.items()}
    n = len(cache["a2"])
    for i in range(n):
        x = cache["x"][i].reshape(-1, 1)
        a1, a2 = cache["a1"][i], cache["a2"][i]
        y = np.asarray(Y[i], dtype=np.float64).reshape(-1, 1)
        d2 = (a2 - y) * a2 * (1.0 - a2)
        d1 = np.dot(params["W2"].T, d2) * a1 * (1.0 - a1)
        grads["W2"] += np.outer(d2, a1)
        grads["b2"] += d2.ravel()
        grads["W1"] += np.outer(d1, x)
        grads["b1"] += d1.ravel()
    return {k: g / n for k, g in grads.items()}


def sgd_step(params, grads, lr):
    """Copy every array, then update the copies in place."""
    new = {}
    for key, value in params.items():
        new[key] = np.array(value, dtype=np.float64, copy=True)
        new[key] -= lr * grads[key]
    return new
