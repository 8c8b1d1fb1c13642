"""fun_dz computes dz_dy in the memory of a float array y (y *= 2 cos(u)) and returns it: the caller's y changes.

gradient_field passes fun_dz copies of its grids, so only fun_dz's own promise breaks."""

MUTATIONS = [
    (
        '    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n',
        '    if isinstance(y, np.ndarray) and y.dtype.kind == "f" and y.shape == np.shape(u):\n'
        '        y *= 2 * np.cos(u)\n'
        '        return 2 * x * np.cos(u), y\n'
        '    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n',
    ),
    ('    U, V = fun_dz(X, Y)\n', '    U, V = fun_dz(X.copy(), Y.copy())\n'),
]
