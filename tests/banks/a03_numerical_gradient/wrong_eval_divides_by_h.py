"""eval_numerical_gradient divides the centered difference by h instead of 2 h."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        x[ix] = old  # restore before the next index\n'
        '        grad[ix] = (f_plus - f_minus) / (2 * h)\n'
        '    return grad\n',
        '        x[ix] = old  # restore before the next index\n'
        '        grad[ix] = (f_plus - f_minus) / h\n'
        '    return grad\n',
    ),
]
