"""rel_error adds 1e-8 to the denominator instead of taking max(1e-8, |x| + |y|)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))\n'
        '\n',
        '    """\n'
        '    return float(np.max(np.abs(x - y) / (1e-8 + np.abs(x) + np.abs(y))))\n'
        '\n',
    ),
]
