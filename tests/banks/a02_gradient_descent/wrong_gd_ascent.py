"""Adds the gradient instead of subtracting it: gradient ascent."""

MUTATIONS = [
    ('        theta = theta - lr * grad_fn(theta)\n', '        theta = theta + lr * grad_fn(theta)\n'),
]
