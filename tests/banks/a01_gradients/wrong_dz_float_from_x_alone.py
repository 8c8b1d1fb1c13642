"""fun_dz decides from x alone that the answer is two floats: a float x with an array y raises TypeError."""

MUTATIONS = [
    (
        '    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n',
        '    if isinstance(x, (int, float)):\n'
        '        return float(2 * x * np.cos(u)), float(2 * y * np.cos(u))\n'
        '    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n',
    ),
]
