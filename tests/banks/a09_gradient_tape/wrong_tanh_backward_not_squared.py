"""Wrong: the backward function of tanh gives 1 - tanh x, not 1 - tanh^2 x.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g * (1 - out * out),))',
        'lambda g: (g * (1 - out),))',
    ),
]
