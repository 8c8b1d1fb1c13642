"""gradient sums over the samples instead of averaging (the gradient of the summed cost)."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * (forward(w, xs) - ys) * xs))\n',
        '    return float(np.sum(2 * (forward(w, xs) - ys) * xs))\n',
    ),
]
