"""grad_check_sparse draws one random start and checks the indices after it in order: the draws are not independent."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    checks = []\n'
        '    for _ in range(num_checks):\n'
        '        ix = tuple(int(rng.integers(n)) for n in x.shape)\n',
        '    start = int(rng.integers(x.size))\n'
        '    checks = []\n'
        '    for k in range(num_checks):\n'
        '        ix = tuple(int(i) for i in np.unravel_index((start + k) % x.size, x.shape))\n',
    ),
]
