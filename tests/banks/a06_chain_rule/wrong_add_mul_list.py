"""Returns the gradients as a list instead of a tuple."""

MUTATIONS = [
    ('    return f, (dfdq, dfdq, dfdz)', '    return f, [dfdq, dfdq, dfdz]'),
]
