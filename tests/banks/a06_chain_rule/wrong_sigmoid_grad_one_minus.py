"""Returns 1 - sigma(z), dropping the factor sigma(z)."""

MUTATIONS = [
    (
        '    s = sigmoid(z)\n'
        '    return s * (1 - s)\n',
        '    s = sigmoid(z)\n'
        '    return 1 - s\n',
    ),
]
