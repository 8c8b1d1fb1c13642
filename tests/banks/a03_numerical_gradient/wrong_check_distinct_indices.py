"""grad_check_sparse draws without replacement whenever it can (num_checks <= x.size): no index comes up twice."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    checks = []\n'
        '    for _ in range(num_checks):\n'
        '        ix = tuple(int(rng.integers(n)) for n in x.shape)\n',
        '    flat = rng.choice(x.size, size=num_checks, replace=num_checks > x.size)\n'
        '    checks = []\n'
        '    for k in range(num_checks):\n'
        '        ix = tuple(int(i) for i in np.unravel_index(flat[k], x.shape))\n',
    ),
]
