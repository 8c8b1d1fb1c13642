"""grad_check_sparse uses the forward difference (f(x + h) - f(x)) / h."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        old = x[ix]\n'
        '        x[ix] = old + h\n'
        '        f_plus = f(x)\n'
        '        x[ix] = old - h\n'
        '        f_minus = f(x)\n'
        '        x[ix] = old\n'
        '        grad_numerical = (f_plus - f_minus) / (2 * h)\n'
        '        checks.append((ix, rel_error(grad_numerical, analytic_grad[ix])))\n',
        '        old = x[ix]\n'
        '        f_x = f(x)\n'
        '        x[ix] = old + h\n'
        '        f_plus = f(x)\n'
        '        x[ix] = old\n'
        '        grad_numerical = (f_plus - f_x) / h\n'
        '        checks.append((ix, rel_error(grad_numerical, analytic_grad[ix])))\n',
    ),
]
