"""Returns (dz/dy, dz/dx) instead of (dz/dx, dz/dy)."""

MUTATIONS = [
    ('    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n', '    return 2 * y * np.cos(u), 2 * x * np.cos(u)\n'),
]
