"""Wrong: gradient keeps only the first contribution that reaches a Tensor: a shared subexpression is counted once.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '                grads[id(x)] = grads[id(x)] + gx if id(x) in grads else gx\n',
        '                grads[id(x)] = grads[id(x)] if id(x) in grads else gx\n',
    ),
]
