"""grad_check_sparse makes num_checks - 1 checks."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    checks = []\n'
        '    for _ in range(num_checks):\n'
        '        ix = tuple(int(rng.integers(n)) for n in x.shape)\n',
        '    checks = []\n'
        '    for _ in range(1, num_checks):\n'
        '        ix = tuple(int(rng.integers(n)) for n in x.shape)\n',
    ),
]
