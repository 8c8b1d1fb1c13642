"""Computes f = x + y * z (missing parentheses), with the gradients of that formula."""

MUTATIONS = [
    (
        '    q = x + y  # forward: add gate\n'
        '    f = q * z  # forward: multiply gate\n'
        "    dfdq, dfdz = z, q  # multiply gate: each input's local gradient is the other input\n"
        '    return f, (dfdq, dfdq, dfdz)  # add gate: local gradients 1, so x and y both get df/dq\n',
        '    f = x + y * z\n'
        '    return f, (1.0, z, y)\n',
    ),
]
