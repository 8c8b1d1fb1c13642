"""Uses only theta[0] and theta[1], as in the two-parameter formula J(t1, t2)."""

MUTATIONS = [
    ('    return float(np.sum(theta ** 2))\n', '    return float(theta[0] ** 2 + theta[1] ** 2)\n'),
]
