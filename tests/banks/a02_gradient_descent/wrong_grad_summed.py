"""Sums the gradient into one number, 2 * sum(theta), instead of one entry per parameter."""

MUTATIONS = [
    ('    return 2.0 * theta\n', '    return 2.0 * np.sum(theta)\n'),
]
