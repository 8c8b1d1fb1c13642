"""Averages the squares instead of summing them."""

MUTATIONS = [
    ('    return float(np.sum(theta ** 2))\n', '    return float(np.mean(theta ** 2))\n'),
]
