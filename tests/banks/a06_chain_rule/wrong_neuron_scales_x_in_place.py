"""Scales x in place by the sigmoid's local gradient to build dw (np.asarray(x, dtype=float) is x itself for a
float64 x), which changes the caller's x."""

MUTATIONS = [
    (
        '    return f, ddot * xb, ddot * w[:-1]',
        '    x = np.asarray(x, dtype=float)\n'
        '    x *= ddot  # the first D entries of dw, in x\'s memory\n'
        '    return f, np.append(x, ddot), ddot * w[:-1]',
    ),
]
