"""Returns the add gate's output q = x + y as the value instead of f = q z."""

MUTATIONS = [
    ('    return f, (dfdq, dfdq, dfdz)', '    return q, (dfdq, dfdq, dfdz)'),
]
