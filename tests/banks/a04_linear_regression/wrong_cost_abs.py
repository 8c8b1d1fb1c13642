"""cost returns the mean absolute error instead of the mean squared error."""

MUTATIONS = [
    (
        '    return float(np.mean((forward(w, xs) - ys) ** 2))\n',
        '    return float(np.mean(np.abs(forward(w, xs) - ys)))\n',
    ),
]
