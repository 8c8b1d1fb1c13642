"""eval_numerical_gradient uses the forward difference (f(x + h) - f(x)) / h."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        old = x[ix]\n'
        '        x[ix] = old + h\n'
        '        f_plus = f(x)\n'
        '        x[ix] = old - h\n'
        '        f_minus = f(x)\n'
        '        x[ix] = old  # restore before the next index\n'
        '        grad[ix] = (f_plus - f_minus) / (2 * h)\n'
        '    return grad\n',
        '        old = x[ix]\n'
        '        f_x = f(x)\n'
        '        x[ix] = old + h\n'
        '        f_plus = f(x)\n'
        '        x[ix] = old  # restore before the next index\n'
        '        grad[ix] = (f_plus - f_x) / h\n'
        '    return grad\n',
    ),
]
