"""grad_check_sparse ignores seed: a fresh unseeded generator draws different coordinates every call."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    rng = np.random.default_rng(seed)\n'
        '    x = np.asarray(x, dtype=np.float64)\n',
        '    """\n'
        '    rng = np.random.default_rng()\n'
        '    x = np.asarray(x, dtype=np.float64)\n',
    ),
]
