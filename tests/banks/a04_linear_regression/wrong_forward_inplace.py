"""forward scales the input array in place (x *= w), modifying the caller's data."""

MUTATIONS = [
    (
        '    return w * x\n',
        '    x *= w\n'
        '    return x\n',
    ),
]
