"""train_minibatch always seeds its generator with 0, whatever seed is."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    rng, w, losses = np.random.default_rng(seed), float(w0), []\n',
        '    rng, w, losses = np.random.default_rng(0), float(w0), []\n',
    ),
]
