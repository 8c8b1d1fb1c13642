"""forward sums the products into one number (a dot product) instead of returning an array."""

MUTATIONS = [
    ('    return w * x\n', '    return np.sum(w * x)\n'),
]
