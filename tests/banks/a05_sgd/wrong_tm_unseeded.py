"""train_minibatch ignores seed: its generator is np.random.default_rng() without a seed."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    rng, w, losses = np.random.default_rng(seed), float(w0), []\n'
        '    for _ in range(epochs):\n',
        '    """\n'
        '    rng, w, losses = np.random.default_rng(), float(w0), []\n'
        '    for _ in range(epochs):\n',
    ),
]
