"""Hidden tests for a07_backprop, graded against solutions/a07_backprop/network.py.

backward is tested through drivers (forward then backward inside the sandbox): the cache never leaves the
module that made it. Gradients are compared layer by layer, so a mistake in the hidden layer does not cost
the output-layer points.
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_each_unchanged, expect_same
from autograder.drivers import a07_backprop as drv

SEED = 707
RTOL = 1e-9    # same formulas, other order of operations or loops: a few ulps apart
ATOL = 1e-12   # gradients of the hidden layer are about 1e-4 at the anchor
TRAIN_RTOL = 1e-7  # 25 steps of training let rounding differences grow a little
TRAIN_ATOL = 1e-10

# The 2-2-2 worked example of docs/reference-values.md (per-neuron biases set to the shared values).
# Its dW2 = [[0.08216704, 0.08266763], [-0.02260254, -0.02274024]], dW1 = [[0.00043857, 0.00087714],
# [0.00049771, 0.00099543]], and one step with lr 0.5 gives W2[0, 0] = 0.35891648; the reference reproduces them.
# W2 is not symmetric, so W2 @ delta instead of W2^T @ delta changes the values even though it is square.
ANCHOR = {
    "W1": np.array([[0.15, 0.2], [0.25, 0.3]]),
    "b1": np.array([0.35, 0.35]),
    "W2": np.array([[0.4, 0.45], [0.5, 0.55]]),
    "b2": np.array([0.6, 0.6]),
}
X_ANCHOR = np.array([[0.05, 0.1]])
Y_ANCHOR = np.array([[0.01, 0.99]])

OUTPUT_LAYER = ("W2", "b2")
HIDDEN_LAYER = ("W1", "b1")


def anchor():
    """Fresh copies of the worked example."""
    return {k: v.copy() for k, v in ANCHOR.items()}, X_ANCHOR.copy(), Y_ANCHOR.copy()


def network(seed, D=3, H=4, K=2, N=6):
    """Seeded params, a batch X of shape (N, D) and targets Y in (0, 1) of shape (N, K).

    D, H and K differ, so a missing or extra transpose shows as a wrong shape.
    """
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.normal(size=(H, D)),
        "b1": rng.normal(size=H),
        "W2": rng.normal(size=(K, H)),
        "b2": rng.normal(size=K),
    }
    return params, rng.normal(size=(N, D)), rng.uniform(size=(N, K))


def copies(*values):
    """Deep enough copies of dicts of arrays and arrays, to check later that nothing changed."""
    return tuple({k: v.copy() for k, v in x.items()} if isinstance(x, dict) else x.copy() for x in values)


def layer(grads, keys):
    """The entries `keys` of a gradient dict (the whole value if it is not a dict, so expect reports it)."""
    if not isinstance(grads, dict):
        return grads
    return {k: grads[k] for k in keys if k in grads}


def output(result):
    """The out of forward's (out, cache), after checking it is a pair."""
    # forward returns a tuple (out, cache); the cache itself is not inspected
    assert isinstance(result, tuple) and len(result) == 2, "forward must return a tuple (out, cache)"
    return result[0]


# ---------------------------------------------------------------- forward

@pytest.mark.points(2)
def test_forward_anchor(student, ref):
    """forward on the 2-2-2 worked example"""
    params, X, _ = anchor()
    # out = sigmoid(W2 sigmoid(W1 x + b1) + b2), shape (1, 2)
    want = ref.forward(params, X)[0]
    expect(output(student.forward(params, X)), want, what="forward output on the worked example", rtol=RTOL, atol=ATOL)


@pytest.mark.points(3)
def test_forward_batches(student, ref):
    """forward on a random batch, on one sample and on an integer X"""
    params, X, _ = network(SEED, D=3, H=5, K=2, N=7)
    want = ref.forward(params, X)[0]
    # D, H and K all differ; one output row per sample: shape (N, K)
    expect(output(student.forward(params, X)), want, what="forward output on a batch of 7", rtol=RTOL, atol=ATOL)
    params, X, _ = network(SEED + 1, D=4, H=3, K=5, N=1)
    want = ref.forward(params, X)[0]
    # a batch of one sample keeps its 2-D shape (1, K)
    expect(output(student.forward(params, X)), want, what="forward output on a batch of 1", rtol=RTOL, atol=ATOL)
    X_int = np.random.default_rng(SEED + 2).integers(-2, 3, size=(5, 4))
    want = ref.forward(params, X_int)[0]
    # integer inputs give float outputs
    expect(output(student.forward(params, X_int)), want, what="forward output on an integer X", rtol=RTOL, atol=ATOL)


# ---------------------------------------------------------------- backward

@pytest.mark.points(2)
def test_backward_anchor_output_layer(student, ref):
    """backward on the worked example: dW2 and db2"""
    params, X, Y = anchor()
    want = drv.gradients(ref, params, X, Y)
    got = student.run(drv.gradients, params, X, Y)
    # delta2 = (a2 - y) * a2 * (1 - a2); dW2 = delta2 a1^T, db2 = delta2
    expect(layer(got, OUTPUT_LAYER), layer(want, OUTPUT_LAYER), what="dW2 and db2 on the worked example",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_backward_anchor_hidden_layer(student, ref):
    """backward on the worked example: dW1 and db1"""
    params, X, Y = anchor()
    want = drv.gradients(ref, params, X, Y)
    got = student.run(drv.gradients, params, X, Y)
    # delta1 = (W2^T delta2) * a1 * (1 - a1); dW1 = delta1 x^T, db1 = delta1
    expect(layer(got, HIDDEN_LAYER), layer(want, HIDDEN_LAYER), what="dW1 and db1 on the worked example",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_backward_batch_output_layer(student, ref):
    """backward on a random batch: dW2 and db2 of the mean cost"""
    params, X, Y = network(SEED + 4)
    want = drv.gradients(ref, params, X, Y)
    got = student.run(drv.gradients, params, X, Y)
    # the gradient of the mean cost is the mean of the per-sample gradients
    expect(layer(got, OUTPUT_LAYER), layer(want, OUTPUT_LAYER), what="dW2 and db2 on a batch of 6",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_backward_batch_hidden_layer(student, ref):
    """backward on a random batch: dW1 and db1 of the mean cost"""
    params, X, Y = network(SEED + 5)
    want = drv.gradients(ref, params, X, Y)
    got = student.run(drv.gradients, params, X, Y)
    # W2 is (2, 4): the error goes back through W2^T
    expect(layer(got, HIDDEN_LAYER), layer(want, HIDDEN_LAYER), what="dW1 and db1 on a batch of 6",
           rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_backward_shapes_dtypes_integers(student, ref):
    """backward returns float gradients shaped like params, also for integer X and Y"""
    params, _, _ = network(SEED + 6, D=2, H=3, K=4, N=5)
    rng = np.random.default_rng(SEED + 7)
    X, Y = rng.integers(-2, 3, size=(5, 2)), rng.integers(0, 2, size=(5, 4))
    # the same keys as params, each gradient of its parameter's shape, float values
    want = drv.gradients(ref, params, X, Y)
    expect(student.run(drv.gradients, params, X, Y), want, what="gradients for integer X and Y", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_inputs_unchanged(student, ref):
    """forward and backward give the right gradients and leave params, X, Y and the cache unchanged"""
    params, X, Y = network(SEED + 8)
    alone = student.forward.call(params, X)
    once = student.run_call(drv.gradients, params, X, Y)
    first, second = student.run(drv.gradients_twice, params, X, Y)
    # right values first: code that ignores its inputs does not earn these points
    expect(output(alone.value), ref.forward(*copies(params, X))[0], what="forward output on a random network",
           rtol=RTOL, atol=ATOL)
    expect(once.value, drv.gradients(ref, *copies(params, X, Y)), what="gradients on a random network",
           rtol=RTOL, atol=ATOL)
    # each argument as forward alone left it: an in-place change shows here
    expect_each_unchanged(alone, "forward", params=params, X=X)
    # and as forward then one backward left them (X reaches backward in the cache): a change here is backward's
    # (after a second backward, a change such as Y = out - Y could undo itself)
    expect_each_unchanged(once, "forward and backward", params=params, X=X, Y=Y)
    # a second backward on the same cache gives the same gradients
    expect_same(second, first, what="backward called twice on the same cache", rtol=RTOL, atol=ATOL)


# ---------------------------------------------------------------- sgd_step

@pytest.mark.points(2)
def test_sgd_step_values(student, ref):
    """sgd_step on the worked example and on random params, float and int learning rates"""
    params, X, Y = anchor()
    grads = drv.gradients(ref, params, X, Y)
    want = ref.sgd_step(params, grads, 0.5)
    # new W2[0, 0] = 0.4 - 0.5 * 0.08216704 = 0.35891648; every key is updated
    expect(student.sgd_step(params, grads, 0.5), want, what="sgd_step on the worked example", rtol=RTOL, atol=ATOL)
    params, _, _ = network(SEED + 9)
    grads, _, _ = network(SEED + 10)
    for lr in (0.05, 2):
        want = ref.sgd_step(params, grads, lr)
        # params[k] - lr * grads[k] (fresh copies: modifying inputs is tested on its own)
        got = student.sgd_step(*copies(params, grads), lr)
        expect(got, want, what="sgd_step on random params and gradients", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_sgd_step_inputs_unchanged(student, ref):
    """sgd_step returns the right new params and leaves params and grads unchanged"""
    params, _, _ = network(SEED + 11)
    grads, _, _ = network(SEED + 12)
    call = student.sgd_step.call(params, grads, 0.1)
    # right values first: a function that ignores its inputs does not earn these points
    expect(call.value, ref.sgd_step(*copies(params, grads), 0.1), what="sgd_step on a random network",
           rtol=RTOL, atol=ATOL)
    # no -= or *= on the arrays of params, nor of grads: each checked on its own
    expect_each_unchanged(call, "sgd_step", params=params, grads=grads)


# ---------------------------------------------------------------- all together

@pytest.mark.points(2)
def test_training(student, ref):
    """25 steps of gradient descent with forward, backward and sgd_step"""
    params, X, Y = network(SEED + 13, D=3, H=4, K=2, N=8)
    want = drv.train(ref, params, X, Y, 2.0, 25)
    got = student.run(drv.train, params, X, Y, 2.0, 25)
    # the parameters after training and the cost before every step (it goes down)
    expect(got, want, what="parameters and costs after 25 training steps", rtol=TRAIN_RTOL, atol=TRAIN_ATOL)
