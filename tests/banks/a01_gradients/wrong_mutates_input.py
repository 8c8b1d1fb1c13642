"""Squares x and y in place to save memory, changing the caller's arrays."""

MUTATIONS = [
    (
        '    return np.sin(x**2 + y**2)\n',
        '    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray) and x.dtype.kind == "f" and y.dtype.kind == "f":\n'
        '        np.square(x, out=x)\n'
        '        np.square(y, out=y)\n'
        '        return np.sin(x + y)\n'
        '    return np.sin(x**2 + y**2)\n',
    ),
]
