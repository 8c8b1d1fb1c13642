"""train_gd starts from w0 = 0.0 by default instead of the documented 1.0."""

MUTATIONS = [
    ('def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=100):\n', 'def train_gd(xs, ys, w0=0.0, lr=0.01, epochs=100):\n'),
]
