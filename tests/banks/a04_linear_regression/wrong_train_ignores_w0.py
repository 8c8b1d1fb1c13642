"""train_gd always starts from w = 1.0, ignoring the w0 argument."""

MUTATIONS = [
    ('    w, costs = w0, []\n', '    w, costs = 1.0, []\n'),
]
