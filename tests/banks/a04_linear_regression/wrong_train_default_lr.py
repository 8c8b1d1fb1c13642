"""train_gd has the wrong default learning rate (0.1 instead of 0.01)."""

MUTATIONS = [
    ('def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=100):\n', 'def train_gd(xs, ys, w0=1.0, lr=0.1, epochs=100):\n'),
]
