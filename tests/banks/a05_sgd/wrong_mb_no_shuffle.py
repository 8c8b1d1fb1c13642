"""minibatch_indices never shuffles: the batches are cut from 0, 1, ..., n - 1."""

import numpy as np


def train_sgd(xs, ys, w0=1.0, lr=0.01, epochs=100):
    """
    Stochastic gradient descent on the MSE of y = w x: one update per sample, in data order.

    In every epoch, for i = 0, 1, ..., N - 1 in this order, take the cost of sample i alone,
    (w x_i - y_i)^2, and make one update with the current w:

        w <- w - lr * 2 * (w * xs[i] - ys[i]) * xs[i]

    so sample i + 1 already sees the w updated by sample i. After the last sample of the epoch,
    record the full-data MSE, mean((w * xs - ys) ** 2), at the new w.

    Inputs:
    - xs: numpy array of shape (N,), integer or float, the inputs; not modified.
    - ys: numpy array of shape (N,), integer or float, the targets; not modified.
    - w0: float (an int is accepted), the starting weight.
    - lr: float, the learning rate.
    - epochs: int >= 0, the number of passes over the data.

    Returns a tuple of:
    - w: float, the weight after `epochs` epochs (w0 itself if epochs is 0).
    - losses: numpy float array of shape (epochs,); losses[e] is the full-data MSE after
      epoch e is finished (after its N updates).
    """
    w, losses = float(w0), []
    for _ in range(epochs):
        for x, y in zip(xs, ys):
            w -= lr * 2 * (w * x - y) * x
        losses.append(np.mean((w * xs - ys) ** 2))
    return float(w), np.array(losses, dtype=float)


def minibatch_indices(n, batch_size, rng):
    """
    The mini-batches of one epoch: a fresh shuffle of the sample indices, cut into batches.

    Draw exactly one permutation, p = rng.permutation(n) (no other use of rng), and cut it into
    consecutive pieces p[0:batch_size], p[batch_size:2 * batch_size], ... in this order. The last
    batch is shorter when batch_size does not divide n; it is kept, not dropped. Every index
    0 .. n - 1 appears in exactly one batch.

    Inputs:
    - n: int >= 1, the number of samples.
    - batch_size: int >= 1, the size of every batch but possibly the last.
    - rng: numpy.random.Generator, e.g. np.random.default_rng(seed); its state advances by the
      one call rng.permutation(n).

    Returns:
    - batches: list of ceil(n / batch_size) integer numpy arrays; batch k has shape
      (batch_size,), except the last, of shape (n - batch_size * (len(batches) - 1),).
    """
    p = np.arange(n)
    return [p[i:i + batch_size] for i in range(0, n, batch_size)]


def train_minibatch(xs, ys, w0=1.0, lr=0.01, epochs=100, batch_size=2, seed=0):
    """
    Mini-batch gradient descent on the MSE of y = w x, with a fresh shuffle every epoch.

    Create one generator, rng = np.random.default_rng(seed), before the first epoch and use it
    for the whole run. Every epoch takes its batches from minibatch_indices(N, batch_size, rng)
    and, for each batch b in order, makes one update with the mean gradient over that batch:

        w <- w - lr * 2 * mean((w * xs[b] - ys[b]) * xs[b])

    (a mean over the batch's own length, so the short last batch is not down-weighted).
    After the epoch, record the full-data MSE, mean((w * xs - ys) ** 2), at the new w.
    With batch_size >= N this is full-batch gradient descent; with batch_size = 1 it is SGD in
    a shuffled order.

    Inputs:
    - xs: numpy array of shape (N,), integer or float, the inputs; not modified.
    - ys: numpy array of shape (N,), integer or float, the targets; not modified.
    - w0: float (an int is accepted), the starting weight.
    - lr: float, the learning rate.
    - epochs: int >= 0, the number of passes over the data.
    - batch_size: int >= 1, the mini-batch size.
    - seed: int, the seed of the one generator; the same seed gives the same result.

    Returns a tuple of:
    - w: float, the weight after `epochs` epochs (w0 itself if epochs is 0).
    - losses: numpy float array of shape (epochs,); losses[e] is the full-data MSE after
      epoch e is finished.
    """
    rng, w, losses = np.random.default_rng(seed), float(w0), []
    for _ in range(epochs):
        for b in minibatch_indices(len(xs), batch_size, rng):
            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])
        losses.append(np.mean((w * xs - ys) ** 2))
    return float(w), np.array(losses, dtype=float)
