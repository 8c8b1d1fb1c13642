"""Uses the error yhat - y instead of y - yhat: a step uphill."""

MUTATIONS = [
    (
        '    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x',
        '    return lr * (sigmoid(h) - y) * sigmoid_grad(h) * x',
    ),
]
