"""rel_error forms x - y in the memory of x (np.asarray(x, dtype=float) is x itself for float64 arrays), changing the
caller's x."""

MUTATIONS = [
    (
        '    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))\n',
        '    denominator = np.maximum(1e-8, np.abs(x) + np.abs(y))\n'
        '    x = np.asarray(x, dtype=float)\n'
        '    x -= y\n'
        '    return float(np.max(np.abs(x) / denominator))\n',
    ),
]
