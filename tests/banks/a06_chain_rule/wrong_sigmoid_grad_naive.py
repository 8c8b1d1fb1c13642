"""Uses exp(-z) / (1 + exp(-z))^2: right for moderate z, nan (inf / inf) at z = -1000."""

MUTATIONS = [
    (
        '    s = sigmoid(z)\n'
        '    return s * (1 - s)\n',
        '    e = np.exp(-np.asarray(z, dtype=float))\n'
        '    return e / (1 + e) ** 2\n',
    ),
]
