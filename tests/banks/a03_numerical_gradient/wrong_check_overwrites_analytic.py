"""grad_check_sparse stores each numerical estimate into analytic_grad, changing the caller's array."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        checks.append((ix, rel_error(grad_numerical, analytic_grad[ix])))\n',
        '        checks.append((ix, rel_error(grad_numerical, analytic_grad[ix])))\n'
        '        analytic_grad[ix] = grad_numerical\n',
    ),
]
