"""cost returns the root mean squared error (square root of the MSE)."""

MUTATIONS = [
    (
        '    return float(np.mean((forward(w, xs) - ys) ** 2))\n',
        '    return float(np.sqrt(np.mean((forward(w, xs) - ys) ** 2)))\n',
    ),
]
