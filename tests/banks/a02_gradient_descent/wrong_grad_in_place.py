"""Doubles theta in place and returns it, changing the caller's array."""

MUTATIONS = [
    (
        '    return 2.0 * theta\n',
        '    theta *= 2\n'
        '    return theta\n',
    ),
]
