"""Writes sigma'(z) as s (1 + s) instead of s (1 - s)."""

MUTATIONS = [
    (
        '    s = sigmoid(z)\n'
        '    return s * (1 - s)\n',
        '    s = sigmoid(z)\n'
        '    return s * (1 + s)\n',
    ),
]
