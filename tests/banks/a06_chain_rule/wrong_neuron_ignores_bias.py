"""Forgets the bias in the forward pass: f = sigma(w[:-1] . x)."""

MUTATIONS = [
    ('    f = sigmoid(w @ xb)', '    f = sigmoid(w[:-1] @ x)'),
]
