"""Wrong: the backward function of sigmoid gives sigma(x), missing the factor 1 - sigma(x).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g * out * (1 - out),))',
        'lambda g: (g * out,))',
    ),
]
