"""fun_z squares a float array y in place (np.square(y, out=y)) to save memory, changing the caller's y."""

MUTATIONS = [
    (
        '    return np.sin(x**2 + y**2)\n',
        '    if isinstance(y, np.ndarray) and y.dtype.kind == "f":\n'
        '        np.square(y, out=y)\n'
        '        return np.sin(x**2 + y)\n'
        '    return np.sin(x**2 + y**2)\n',
    ),
]
