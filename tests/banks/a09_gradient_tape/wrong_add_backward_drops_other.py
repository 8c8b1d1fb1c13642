"""Wrong: the backward function of + hands 0 to its second operand: (g, 0 * g).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g, g))',
        'lambda g: (g, 0 * g))',
    ),
]
