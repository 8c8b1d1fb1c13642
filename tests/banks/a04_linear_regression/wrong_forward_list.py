"""forward returns a Python list built in a loop, and fails on a scalar input."""

MUTATIONS = [
    ('    return w * x\n', '    return [w * xi for xi in x]\n'),
]
