"""Takes sigma' at the output yhat instead of at h."""

MUTATIONS = [
    (
        '    h = w @ x  # forward: weighted sum\n'
        '    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x',
        '    yhat = sigmoid(w @ x)\n'
        '    return lr * (y - yhat) * sigmoid_grad(yhat) * x',
    ),
]
