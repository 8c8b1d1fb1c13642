"""fun_z decides from x alone that the answer is a float: a float x with an array y raises TypeError."""

MUTATIONS = [
    (
        '    return np.sin(x**2 + y**2)\n',
        '    if isinstance(x, (int, float)):\n'
        '        return float(np.sin(x**2 + y**2))\n'
        '    return np.sin(x**2 + y**2)\n',
    ),
]
