"""Squares the sum of the entries instead of summing their squares."""

MUTATIONS = [
    ('    return float(np.sum(theta ** 2))\n', '    return float(np.sum(theta) ** 2)\n'),
]
