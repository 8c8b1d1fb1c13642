"""Picks a formula per sign with np.where, which evaluates both: exp still overflows."""

MUTATIONS = [
    (
        '    e = np.exp(-np.abs(z))  # exp of a number <= 0: in (0, 1], never overflows\n'
        '    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # for z < 0, sigma(z) = exp(z) / (1 + exp(z))\n',
        '    s = np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))\n',
    ),
]
