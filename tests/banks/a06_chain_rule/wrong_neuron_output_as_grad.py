"""Uses the sigmoid's output f as its local gradient instead of (1 - f) f."""

MUTATIONS = [
    (
        "    ddot = (1 - f) * f  # backward: the sigmoid's local gradient, upstream gradient 1\n"
        '    return f, ddot * xb, ddot * w[:-1]',
        '    return f, f * xb, f * w[:-1]',
    ),
]
