"""sin written where the derivative of sin (cos) belongs."""

MUTATIONS = [
    ('    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n', '    return 2 * x * np.sin(u), 2 * y * np.sin(u)\n'),
]
