"""Appends the same array every step and updates it in place: every row is the last point."""

MUTATIONS = [
    ('        theta = theta - lr * grad_fn(theta)\n', '        theta -= lr * grad_fn(theta)\n'),
]
