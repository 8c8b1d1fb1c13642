"""Swaps the multiply gates' local gradients: dw uses w and dx uses x."""

MUTATIONS = [
    ('    return f, ddot * xb, ddot * w[:-1]', '    return f, ddot * w, ddot * x'),
]
