"""Applies the sigmoid twice: sigma'(sigma(z)) instead of sigma'(z)."""

MUTATIONS = [
    (
        '    s = sigmoid(z)\n'
        '    return s * (1 - s)\n',
        '    s = sigmoid(sigmoid(z))\n'
        '    return s * (1 - s)\n',
    ),
]
