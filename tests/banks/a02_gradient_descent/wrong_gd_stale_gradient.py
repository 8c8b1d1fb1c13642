"""Takes the gradient at theta0 on every step instead of at the current point."""

MUTATIONS = [
    ('        theta = theta - lr * grad_fn(theta)\n', '        theta = theta - lr * grad_fn(theta0)\n'),
]
