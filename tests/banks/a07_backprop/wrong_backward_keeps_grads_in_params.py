"""Wrong: backward keeps its gradients in params (params["grads"] = grads), as a framework keeps .grad beside each
weight: the caller's dict gains a key.

Its sgd_step steps the keys of grads, so that training still works and only backward's promise breaks.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return {\n'
        '        "W1": delta1.T @ X,\n',
        '    grads = {\n'
        '        "W1": delta1.T @ X,\n',
    ),
    (
        '        "b2": delta2.sum(axis=0),\n'
        '    }\n',
        '        "b2": delta2.sum(axis=0),\n'
        '    }\n'
        '    params["grads"] = grads\n'
        '    return grads\n',
    ),
    (
        '    return {k: params[k] - lr * grads[k] for k in params}\n',
        '    return {k: params[k] - lr * grads[k] for k in grads}\n',
    ),
]
