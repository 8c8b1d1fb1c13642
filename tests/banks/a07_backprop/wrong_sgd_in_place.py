"""Wrong: sgd_step updates params in place (-=) and returns the same dict.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    return {k: params[k] - lr * grads[k] for k in params}\n',
        '    """\n'
        '    for k in params:\n'
        '        params[k] -= lr * grads[k]\n'
        '    return params\n',
    ),
]
