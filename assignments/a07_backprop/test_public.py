"""Public tests for a07_backprop. Run them with `pytest assignments/a07_backprop` or `make grade`.

Expected values come from the 2-2-2 worked example of the handout (one sample), and from the same network on a
batch of two samples, where the cost and its gradients are means over the batch.
"""

import numpy as np
import pytest

from autograder.checks import expect, expect_each_unchanged
from autograder.drivers import a07_backprop as drv

RTOL = 1e-7   # the expected values below are given to 8 or more significant digits
ATOL = 1e-8   # the handout's gradients are rounded to 8 decimals


def worked_example():
    """params, X and Y of the worked example (fresh copies every time)."""
    params = {
        "W1": np.array([[0.15, 0.2], [0.25, 0.3]]),
        "b1": np.array([0.35, 0.35]),
        "W2": np.array([[0.4, 0.45], [0.5, 0.55]]),
        "b2": np.array([0.6, 0.6]),
    }
    return params, np.array([[0.05, 0.1]]), np.array([[0.01, 0.99]])


@pytest.mark.points(1)
def test_forward_worked_example(student):
    """forward on the worked example"""
    params, X, _ = worked_example()
    result = student.forward(params, X)
    assert isinstance(result, tuple) and len(result) == 2, "forward must return a tuple (out, cache)"
    # one sample in, one row of K = 2 outputs out
    expect(result[0], np.array([[0.751365069552, 0.772928465321]]), what="forward output on the worked example",
           inputs={"params": params, "X": X}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_backward_worked_example(student):
    """backward on the worked example: dW2 and dW1"""
    params, X, Y = worked_example()
    # runs out, cache = forward(params, X), then backward(params, cache, Y)
    grads = student.run(drv.gradients, params, X, Y)
    assert isinstance(grads, dict) and {"W1", "W2"} <= set(grads), "backward must return a dict with the keys of params"
    expect(grads["W2"], np.array([[0.08216704, 0.08266763], [-0.02260254, -0.02274024]]),
           what="dW2 on the worked example", inputs={"params": params, "X": X, "Y": Y}, rtol=RTOL, atol=ATOL)
    expect(grads["W1"], np.array([[0.00043857, 0.00087714], [0.00049771, 0.00099543]]),
           what="dW1 on the worked example", inputs={"params": params, "X": X, "Y": Y}, rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_backward_batch_mean(student):
    """backward on a batch of two samples returns the gradients of the mean cost, and modifies no input"""
    params, _, _ = worked_example()
    X = np.array([[0.05, 0.1], [0.1, 0.05]])
    Y = np.array([[0.01, 0.99], [0.99, 0.01]])
    want = {
        "W1": np.array([[0.00081219569, 0.000735023646], [0.000893843989, 0.000820206546]]),
        "b1": np.array([0.010314795572, 0.011427003563]),
        "W2": np.array([[0.027864066701, 0.028033703094], [0.028386161314, 0.028559459564]]),
        "b2": np.array([0.046944238515, 0.047915059504]),
    }
    # forward once, then backward twice on the same cache: a backward that changes the cache (or anything else it
    # is given) gives other gradients the second time
    call = student.run_call(drv.gradients_twice, params, X, Y)
    first, second = call.value
    # every key of params, with the shape of its parameter
    expect(first, want, what="gradients on a batch of two samples", inputs={"params": params, "X": X, "Y": Y},
           rtol=RTOL, atol=ATOL)
    expect(second, want, what="gradients of a second backward on the same cache",
           inputs={"params": params, "X": X, "Y": Y}, rtol=RTOL, atol=ATOL)
    expect_each_unchanged(call, "forward and backward", params=params, X=X, Y=Y)


@pytest.mark.points(1)
def test_sgd_step_worked_example(student):
    """sgd_step with lr 0.5 returns new params and leaves its inputs unchanged"""
    params, _, _ = worked_example()
    grads = {
        "W1": np.array([[0.000438567734, 0.000877135469], [0.000497712735, 0.000995425471]]),
        "b1": np.array([0.008771354689, 0.009954254705]),
        "W2": np.array([[0.082167040564, 0.082667627848], [-0.022602540477, -0.022740242216]]),
        "b2": np.array([0.138498561629, -0.038098236517]),
    }
    call = student.sgd_step.call(params, grads, 0.5)
    # params[k] - 0.5 * grads[k] for every key; W2[0, 0] = 0.4 - 0.5 * 0.08216704 = 0.35891648
    expect(call.value, {
        "W1": np.array([[0.149780716133, 0.199561432266], [0.249751143632, 0.299502287265]]),
        "b1": np.array([0.345614322655, 0.345022872647]),
        "W2": np.array([[0.358916479718, 0.408666186076], [0.511301270239, 0.561370121108]]),
        "b2": np.array([0.530750719186, 0.619049118258]),
    }, what="sgd_step on the worked example", inputs={"params": params, "grads": grads, "lr": 0.5},
           rtol=RTOL, atol=ATOL)
    # the old values are still there, in params and in grads
    expect_each_unchanged(call, "sgd_step", params=params, grads=grads)
