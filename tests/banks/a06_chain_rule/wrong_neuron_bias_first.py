"""Takes the bias from w[0] instead of the last entry of w."""

MUTATIONS = [
    ('    xb = np.append(x, 1.0)', '    xb = np.append(1.0, x)'),
    ('    return f, ddot * xb, ddot * w[:-1]', '    return f, ddot * xb, ddot * w[1:]'),
]
