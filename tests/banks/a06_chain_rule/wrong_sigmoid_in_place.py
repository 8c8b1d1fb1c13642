"""Stable, but works in place to save memory and so overwrites a float array z."""

MUTATIONS = [
    (
        '    e = np.exp(-np.abs(z))  # exp of a number <= 0: in (0, 1], never overflows\n'
        '    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # for z < 0, sigma(z) = exp(z) / (1 + exp(z))\n',
        '    positive = z >= 0\n'
        '    e = np.exp(np.negative(np.abs(z, out=z), out=z), out=z)\n'
        '    s = np.where(positive, 1 / (1 + e), e / (1 + e))\n',
    ),
]
