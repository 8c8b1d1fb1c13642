"""gradient has the wrong sign: it uses the residual y - w x."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * (forward(w, xs) - ys) * xs))\n',
        '    return float(np.mean(2 * (ys - forward(w, xs)) * xs))\n',
    ),
]
