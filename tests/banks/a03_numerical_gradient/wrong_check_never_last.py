"""grad_check_sparse draws a flat index with rng.integers(x.size - 1): the last entry of x is never checked."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        ix = tuple(int(rng.integers(n)) for n in x.shape)\n',
        '        ix = tuple(int(i) for i in np.unravel_index(rng.integers(max(x.size - 1, 1)), x.shape))\n',
    ),
]
