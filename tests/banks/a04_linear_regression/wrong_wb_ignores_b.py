"""gradient_wb leaves the bias out of the residual: r = w x - y."""

MUTATIONS = [
    ('    r = w * xs + b - ys\n', '    r = w * xs - ys\n'),
]
