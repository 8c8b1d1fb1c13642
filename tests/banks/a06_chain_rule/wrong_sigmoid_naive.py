"""Naive 1 / (1 + exp(-z)): right values, but exp overflows (with a warning) at z = -1000."""

MUTATIONS = [
    (
        '    z = np.asarray(z, dtype=float)\n'
        '    e = np.exp(-np.abs(z))  # exp of a number <= 0: in (0, 1], never overflows\n'
        '    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # for z < 0, sigma(z) = exp(z) / (1 + exp(z))\n'
        '    return float(s) if s.ndim == 0 else s\n',
        '    return 1 / (1 + np.exp(-z))\n',
    ),
]
