"""gradient forgets the inner derivative x: mean(2 r)."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * (forward(w, xs) - ys) * xs))\n',
        '    return float(np.mean(2 * (forward(w, xs) - ys)))\n',
    ),
]
