"""Drops the factor sigma'(h), as if the unit were linear."""

MUTATIONS = [
    ('    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x', '    return lr * (y - sigmoid(h)) * x'),
]
