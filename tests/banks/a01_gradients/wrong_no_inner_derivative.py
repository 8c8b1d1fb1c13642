"""Forgets the inner derivative of the chain rule: cos(u) only."""

MUTATIONS = [
    ('    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n', '    return np.cos(u), np.cos(u)\n'),
]
