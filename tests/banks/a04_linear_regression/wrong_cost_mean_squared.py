"""cost squares the mean residual, mean(r)^2, instead of averaging the squares."""

MUTATIONS = [
    (
        '    return float(np.mean((forward(w, xs) - ys) ** 2))\n',
        '    return float(np.mean(forward(w, xs) - ys) ** 2)\n',
    ),
]
