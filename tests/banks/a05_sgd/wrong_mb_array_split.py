"""minibatch_indices uses np.array_split into n // batch_size pieces, which spreads the remainder."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    p = rng.permutation(n)\n'
        '    return [p[i:i + batch_size] for i in range(0, n, batch_size)]\n'
        '\n',
        '    p = rng.permutation(n)\n'
        '    return np.array_split(p, max(1, n // batch_size))\n'
        '\n',
    ),
]
