"""Returns -2 theta, the direction of descent, instead of the gradient."""

MUTATIONS = [
    ('    return 2.0 * theta\n', '    return -2.0 * theta\n'),
]
