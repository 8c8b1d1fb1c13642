"""Forgets the sigmoid's local gradient: dw = [x, 1] and dx = w[:-1]."""

MUTATIONS = [
    (
        "    ddot = (1 - f) * f  # backward: the sigmoid's local gradient, upstream gradient 1\n"
        '    return f, ddot * xb, ddot * w[:-1]',
        '    return f, xb.astype(float), w[:-1].astype(float)',
    ),
]
