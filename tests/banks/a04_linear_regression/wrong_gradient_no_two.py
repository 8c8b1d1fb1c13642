"""gradient drops the factor 2: mean(r x), the gradient of the half MSE."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * (forward(w, xs) - ys) * xs))\n',
        '    return float(np.mean((forward(w, xs) - ys) * xs))\n',
    ),
]
