"""Uses h itself as the prediction yhat, forgetting the sigmoid in the forward pass."""

MUTATIONS = [
    ('    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x', '    return lr * (y - h) * sigmoid_grad(h) * x'),
]
