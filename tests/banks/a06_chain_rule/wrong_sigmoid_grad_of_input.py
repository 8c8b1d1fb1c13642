"""Applies s (1 - s) to z itself, forgetting that s = sigma(z)."""

MUTATIONS = [
    (
        '    s = sigmoid(z)\n'
        '    return s * (1 - s)\n',
        '    return z * (1 - z)\n',
    ),
]
