"""gradient_wb sums over the samples instead of averaging."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * r * xs)), float(np.mean(2 * r))\n',
        '    return float(np.sum(2 * r * xs)), float(np.sum(2 * r))\n',
    ),
]
