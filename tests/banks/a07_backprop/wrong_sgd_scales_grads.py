"""Wrong: sgd_step scales grads in place by lr before subtracting, so grads change.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    return {k: params[k] - lr * grads[k] for k in params}\n',
        '    """\n'
        '    for k in grads:\n'
        '        grads[k] *= lr\n'
        '    return {k: params[k] - grads[k] for k in params}\n',
    ),
]
