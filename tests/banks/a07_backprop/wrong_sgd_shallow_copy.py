"""Wrong: sgd_step copies the dict but not the arrays, then updates them in place: params change.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    return {k: params[k] - lr * grads[k] for k in params}\n',
        '    """\n'
        '    new = dict(params)\n'
        '    for k in new:\n'
        '        new[k] -= lr * grads[k]\n'
        '    return new\n',
    ),
]
