"""Takes the local gradients first, then computes f in the memory of a float array z (np.multiply(q, z, out=z)),
changing the caller's z."""

MUTATIONS = [
    (
        '    f = q * z  # forward: multiply gate\n'
        '    dfdq, dfdz = z, q  # multiply gate: each input\'s local gradient is the other input\n',
        '    dfdq, dfdz = z * 1, q  # multiply gate: the local gradients, before z is reused\n'
        '    if isinstance(z, np.ndarray) and z.dtype.kind == "f":\n'
        '        f = np.multiply(q, z, out=z)  # forward: multiply gate, in z\'s memory\n'
        '    else:\n'
        '        f = q * z\n',
    ),
]
