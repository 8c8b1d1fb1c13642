"""Scales x in place to form Delta w and returns it (np.asarray(x, dtype=float) is x itself for a float64 x): the
caller's x becomes the update."""

MUTATIONS = [
    (
        '    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x',
        '    x = np.asarray(x, dtype=float)\n'
        '    x *= lr * (y - sigmoid(h)) * sigmoid_grad(h)\n'
        '    return x',
    ),
]
