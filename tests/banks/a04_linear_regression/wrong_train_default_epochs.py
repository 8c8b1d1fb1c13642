"""train_gd runs 10 epochs by default instead of the documented 100."""

MUTATIONS = [
    ('def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=100):\n', 'def train_gd(xs, ys, w0=1.0, lr=0.01, epochs=10):\n'),
]
