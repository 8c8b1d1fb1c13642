"""minibatch_indices samples n indices with replacement (rng.integers): some indices twice, others never."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    p = rng.permutation(n)\n',
        '    p = rng.integers(0, n, size=n)\n',
    ),
]
