"""grad_check_sparse always seeds its generator with 0, whatever seed is."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    rng = np.random.default_rng(seed)\n'
        '    x = np.asarray(x, dtype=np.float64)\n',
        '    """\n'
        '    rng = np.random.default_rng(0)\n'
        '    x = np.asarray(x, dtype=np.float64)\n',
    ),
]
