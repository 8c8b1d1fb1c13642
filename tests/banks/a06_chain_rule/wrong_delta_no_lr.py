"""Forgets the learning rate."""

MUTATIONS = [
    ('    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x', '    return (y - sigmoid(h)) * sigmoid_grad(h) * x'),
]
