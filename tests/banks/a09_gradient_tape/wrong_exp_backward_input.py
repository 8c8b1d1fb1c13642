"""Wrong: the backward function of exp multiplies by the input x, not by e^x.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g * out,))',
        'lambda g: (g * self,))',
    ),
]
