"""Returns the length of theta (the norm) instead of its square."""

MUTATIONS = [
    ('    return float(np.sum(theta ** 2))\n', '    return float(np.linalg.norm(theta))\n'),
]
