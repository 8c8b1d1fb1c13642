"""A minus sign: the derivative of sin taken as -cos."""

MUTATIONS = [
    ('    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n', '    return -2 * x * np.cos(u), -2 * y * np.cos(u)\n'),
]
