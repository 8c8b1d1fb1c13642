"""rel_error is written with Python's abs and max: right for two numbers, but arrays raise ValueError."""

# The handout asks for numpy operations "so that it works for numbers and arrays alike".
MUTATIONS = [
    (
        '    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))\n',
        '    return float(abs(x - y) / max(1e-8, abs(x) + abs(y)))\n',
    ),
]
