"""gradient_wb drops the factor 2 in both derivatives (the gradient of the half MSE)."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * r * xs)), float(np.mean(2 * r))\n',
        '    return float(np.mean(r * xs)), float(np.mean(r))\n',
    ),
]
