"""Drops the factor 2 of the derivative of theta^2."""

MUTATIONS = [
    ('    return 2.0 * theta\n', '    return np.array(theta, dtype=float)\n'),
]
