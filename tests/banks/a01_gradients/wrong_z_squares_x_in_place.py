"""fun_z squares a float array x in place (np.square(x, out=x)) to save memory, changing the caller's x."""

MUTATIONS = [
    (
        '    return np.sin(x**2 + y**2)\n',
        '    if isinstance(x, np.ndarray) and x.dtype.kind == "f":\n'
        '        np.square(x, out=x)\n'
        '        return np.sin(x + y**2)\n'
        '    return np.sin(x**2 + y**2)\n',
    ),
]
