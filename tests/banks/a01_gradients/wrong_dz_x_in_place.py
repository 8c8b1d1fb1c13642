"""fun_dz computes dz_dx in the memory of a float array x (x *= 2 cos(u)) and returns it: the caller's x changes.

gradient_field passes fun_dz copies of its grids, so only fun_dz's own promise breaks."""

MUTATIONS = [
    (
        '    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n',
        '    if isinstance(x, np.ndarray) and x.dtype.kind == "f" and x.shape == np.shape(u):\n'
        '        x *= 2 * np.cos(u)\n'
        '        return x, 2 * y * np.cos(u)\n'
        '    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n',
    ),
    ('    U, V = fun_dz(X, Y)\n', '    U, V = fun_dz(X.copy(), Y.copy())\n'),
]
