"""forward adds the weight to the input (w + x) instead of multiplying."""

MUTATIONS = [
    ('    return w * x\n', '    return w + x\n'),
]
