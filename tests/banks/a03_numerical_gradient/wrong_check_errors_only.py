"""grad_check_sparse returns the relative errors without their coordinates."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        grad_numerical = (f_plus - f_minus) / (2 * h)\n'
        '        checks.append((ix, rel_error(grad_numerical, analytic_grad[ix])))\n'
        '    return checks\n',
        '        grad_numerical = (f_plus - f_minus) / (2 * h)\n'
        '        checks.append(rel_error(grad_numerical, analytic_grad[ix]))\n'
        '    return checks\n',
    ),
]
