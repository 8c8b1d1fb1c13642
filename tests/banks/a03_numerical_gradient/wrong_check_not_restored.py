"""grad_check_sparse leaves each checked entry of x at x - h."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        f_minus = f(x)\n'
        '        x[ix] = old\n'
        '        grad_numerical = (f_plus - f_minus) / (2 * h)\n',
        '        f_minus = f(x)\n'
        '        grad_numerical = (f_plus - f_minus) / (2 * h)\n',
    ),
]
