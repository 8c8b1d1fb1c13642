"""Scales the slice w[:-1] in place to get dx, which changes the caller's w."""

MUTATIONS = [
    (
        '    return f, ddot * xb, ddot * w[:-1]',
        '    dx = w[:-1]\n'
        '    dx *= ddot\n'
        '    return f, ddot * xb, dx',
    ),
]
