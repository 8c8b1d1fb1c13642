"""forward flattens its input, so a 2-D input comes back 1-D."""

MUTATIONS = [
    ('    return w * x\n', '    return w * np.ravel(x)\n'),
]
