"""gradient_wb multiplies the bias derivative by x too, so dC/db equals dC/dw."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * r * xs)), float(np.mean(2 * r))\n',
        '    return float(np.mean(2 * r * xs)), float(np.mean(2 * r * xs))\n',
    ),
]
