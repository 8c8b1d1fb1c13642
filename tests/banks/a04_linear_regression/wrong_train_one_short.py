"""train_gd makes one update too few (range(epochs - 1))."""

MUTATIONS = [
    ('    for _ in range(epochs):\n', '    for _ in range(epochs - 1):\n'),
]
