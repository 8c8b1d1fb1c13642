"""gradient returns the per-sample gradients (an array) instead of their mean."""

MUTATIONS = [
    ('    return float(np.mean(2 * (forward(w, xs) - ys) * xs))\n', '    return 2 * (forward(w, xs) - ys) * xs\n'),
]
