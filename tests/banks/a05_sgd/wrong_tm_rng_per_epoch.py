"""train_minibatch creates a new default_rng(seed) every epoch, so every epoch has the same order."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    rng, w, losses = np.random.default_rng(seed), float(w0), []\n'
        '    for _ in range(epochs):\n'
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n',
        '    """\n'
        '    w, losses = float(w0), []\n'
        '    for _ in range(epochs):\n'
        '        rng = np.random.default_rng(seed)\n'
        '        for b in minibatch_indices(len(xs), batch_size, rng):\n',
    ),
]
