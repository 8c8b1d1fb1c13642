"""Returns a numpy integer, not a float, when theta holds integers."""

MUTATIONS = [
    ('    return float(np.sum(theta ** 2))\n', '    return np.sum(theta ** 2)\n'),
]
