"""grad_check_sparse reports the signed relative error, without the absolute value of the difference."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        grad_numerical = (f_plus - f_minus) / (2 * h)\n'
        '        checks.append((ix, rel_error(grad_numerical, analytic_grad[ix])))\n'
        '    return checks\n',
        '        grad_numerical = (f_plus - f_minus) / (2 * h)\n'
        '        error = (grad_numerical - analytic_grad[ix]) / max(1e-8, abs(grad_numerical) + abs(analytic_grad[ix]))\n'
        '        checks.append((ix, float(error)))\n'
        '    return checks\n',
    ),
]
