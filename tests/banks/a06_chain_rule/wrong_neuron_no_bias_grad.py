"""Leaves the bias out of dw: dw has shape (D,) instead of (D + 1,)."""

MUTATIONS = [
    ('    return f, ddot * xb, ddot * w[:-1]', '    return f, ddot * x, ddot * w[:-1]'),
]
