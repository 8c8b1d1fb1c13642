"""minibatch_indices shuffles rng.permutation(n) once more with rng.shuffle: two uses of rng per epoch."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    p = rng.permutation(n)\n',
        '    p = rng.permutation(n)\n'
        '    rng.shuffle(p)\n',
    ),
]
