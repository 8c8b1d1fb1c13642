"""train_sgd shuffles xs and ys in place every epoch (and so modifies them)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, ys):\n',
        '    for _ in range(epochs):\n'
        '        order = np.random.default_rng(0).permutation(len(xs))\n'
        '        xs[:], ys[:] = xs[order], ys[order]\n'
        '        for x, y in zip(xs, ys):\n',
    ),
]
