"""gradient_field builds its grid with indexing="ij": one row per x, not one row per y."""

MUTATIONS = [
    ("    X, Y = np.meshgrid(xs, ys)", '    X, Y = np.meshgrid(xs, ys, indexing="ij")'),
]
