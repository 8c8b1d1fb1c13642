"""Wrong: sgd_step updates W1 and W2 but leaves the biases unchanged.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    return {k: params[k] - lr * grads[k] for k in params}\n',
        '    """\n'
        '    return {k: params[k] - lr * grads[k] if k.startswith("W") else params[k].copy() for k in params}\n',
    ),
]
