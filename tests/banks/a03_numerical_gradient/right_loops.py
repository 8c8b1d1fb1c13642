"""Correct, written with explicit loops, np.nditer, flat indices and np.unravel_index."""

import numpy as np


def eval_numerical_gradient(f, x, h=1e-5):
    """Centered differences over every entry of x, with np.nditer on a float64 copy."""
    xf = x.astype(np.float64)  # always a copy: the caller's x is never touched
    grad = np.zeros(xf.shape, dtype=np.float64)
    it = np.nditer(xf, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        oldval = xf[ix]
        xf[ix] = oldval + h
        fxph = f(xf)
        xf[ix] = oldval - h
        fxmh = f(xf)
        xf[ix] = oldval
        grad[ix] = (fxph - fxmh) / (2 * h)
        it.iternext()
    return grad


def rel_error(x, y):
    """Largest |x - y| / max(1e-8, |x| + |y|), entry by entry."""
    xs = np.atleast_1d(np.asarray(x, dtype=np.float64)).ravel()
    ys = np.atleast_1d(np.asarray(y, dtype=np.float64)).ravel()
    worst = 0.0
    for a, b in zip(xs, ys):
        worst = max(worst, abs(a - b) / max(1e-8, abs(a) + abs(b)))
    return float(worst)


def grad_check_sparse(f, x, analytic_grad, num_checks=10, h=1e-5, seed=0):
    """Draw flat indices with a seeded generator and unravel them."""
    rng = np.random.default_rng(seed)
    xf = np.array(x, dtype=np.float64)
    flat = rng.integers(0, xf.size, size=num_checks)
    checks = []
    for k in flat:
        ix = tuple(int(i) for i in np.unravel_index(int(k), xf.shape))
        oldval = xf[ix]
        xf[ix] = oldval + h
        fxph = f(xf)
        xf[ix] = oldval - h
        fxmh = f(xf)
        xf[ix] = oldval
        grad_numerical = (fxph - fxmh) / (2 * h)
        grad_analytic = analytic_grad[ix]
        error = abs(grad_numerical - grad_analytic) / max(1e-8, abs(grad_numerical) + abs(grad_analytic))
        checks.append((ix, float(error)))
    return checks


def svm_loss_single(W, x, y, delta=1.0):
    """Loop over the classes."""
    scores = W.dot(x)
    loss = 0.0
    for j in range(W.shape[0]):
        if j == y:
            continue
        margin = scores[j] - scores[y] + delta
        if margin > 0:
            loss += margin
    return float(loss)


def svm_grad_single(W, x, y, delta=1.0):
    """Loop over the classes, accumulating into a float64 dW."""
    scores = W.dot(x)
    dW = np.zeros(W.shape, dtype=np.float64)
    for j in range(W.shape[0]):
        if j == y:
            continue
        if scores[j] - scores[y] + delta > 0:
            dW[j, :] += x
            dW[y, :] -= x
    return dW
