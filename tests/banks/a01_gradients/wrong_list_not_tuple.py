"""Returns a list [dz/dx, dz/dy] where the docstring promises a tuple."""

MUTATIONS = [
    ('    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n', '    return [2 * x * np.cos(u), 2 * y * np.cos(u)]\n'),
]
