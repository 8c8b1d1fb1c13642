"""cost uses the half MSE, 1/2 * mean(r^2), instead of mean(r^2)."""

MUTATIONS = [
    (
        '    return float(np.mean((forward(w, xs) - ys) ** 2))\n',
        '    return float(0.5 * np.mean((forward(w, xs) - ys) ** 2))\n',
    ),
]
