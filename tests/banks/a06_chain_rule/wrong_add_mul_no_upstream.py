"""Gives x and y the add gate's local gradient 1, without multiplying by the upstream gradient z."""

MUTATIONS = [
    ('    return f, (dfdq, dfdq, dfdz)', '    return f, (1.0, 1.0, dfdz)'),
]
