"""The factor 2 from d(x²)/dx is dropped."""

MUTATIONS = [
    ('    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n', '    return x * np.cos(u), y * np.cos(u)\n'),
]
