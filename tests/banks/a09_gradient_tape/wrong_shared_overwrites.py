"""Wrong: gradient assigns each contribution instead of adding it: a Tensor used twice keeps only the last use.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '                grads[id(x)] = grads[id(x)] + gx if id(x) in grads else gx\n',
        '                grads[id(x)] = gx\n',
    ),
]
