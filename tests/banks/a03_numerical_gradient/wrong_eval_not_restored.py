"""eval_numerical_gradient leaves every entry of x at x - h instead of restoring it."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        f_minus = f(x)\n'
        '        x[ix] = old  # restore before the next index\n'
        '        grad[ix] = (f_plus - f_minus) / (2 * h)\n',
        '        f_minus = f(x)\n'
        '        grad[ix] = (f_plus - f_minus) / (2 * h)\n',
    ),
]
