"""fun_z computes sin(x)² + sin(y)² instead of sin(x² + y²)."""

MUTATIONS = [
    ('    return np.sin(x**2 + y**2)\n', '    return np.sin(x) ** 2 + np.sin(y) ** 2\n'),
]
