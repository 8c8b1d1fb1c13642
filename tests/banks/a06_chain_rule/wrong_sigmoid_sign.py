"""Computes 1 / (1 + exp(z)), that is sigma(-z), stably."""

MUTATIONS = [
    (
        '    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # for z < 0, sigma(z) = exp(z) / (1 + exp(z))\n',
        '    s = np.where(z >= 0, e / (1 + e), 1 / (1 + e))\n',
    ),
]
