"""gradient_wb multiplies the residuals into the memory of xs (np.asarray(xs, dtype=float) is xs itself for float64
data, then xs *= r) to form dC/dw, changing the caller's inputs."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * r * xs)), float(np.mean(2 * r))\n',
        '    xs = np.asarray(xs, dtype=float)\n'
        '    xs *= r\n'
        '    return float(np.mean(2 * xs)), float(np.mean(2 * r))\n',
    ),
]
