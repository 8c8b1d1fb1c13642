"""Differentiates theta^2 to 2 theta^2: keeps the square."""

MUTATIONS = [
    ('    return 2.0 * theta\n', '    return 2.0 * theta ** 2\n'),
]
