"""minibatch_indices shuffles with the global np.random state instead of rng."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    p = rng.permutation(n)\n'
        '    return [p[i:i + batch_size] for i in range(0, n, batch_size)]\n',
        '    """\n'
        '    p = np.random.permutation(n)\n'
        '    return [p[i:i + batch_size] for i in range(0, n, batch_size)]\n',
    ),
]
