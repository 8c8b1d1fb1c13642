"""cost returns the sum of squared errors instead of the mean."""

MUTATIONS = [
    (
        '    return float(np.mean((forward(w, xs) - ys) ** 2))\n',
        '    return float(np.sum((forward(w, xs) - ys) ** 2))\n',
    ),
]
