"""rel_error forms y - x in the memory of y (np.asarray(y, dtype=float) is y itself for float64 arrays), changing the
caller's y."""

MUTATIONS = [
    (
        '    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))\n',
        '    denominator = np.maximum(1e-8, np.abs(x) + np.abs(y))\n'
        '    y = np.asarray(y, dtype=float)\n'
        '    y -= x\n'
        '    return float(np.max(np.abs(y) / denominator))\n',
    ),
]
