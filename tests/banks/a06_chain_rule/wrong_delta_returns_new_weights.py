"""Returns the updated weights w + Delta w instead of the change Delta w."""

MUTATIONS = [
    (
        '    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x',
        '    return w + lr * (y - sigmoid(h)) * sigmoid_grad(h) * x',
    ),
]
