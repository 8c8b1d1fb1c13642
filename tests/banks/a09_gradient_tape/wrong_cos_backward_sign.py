"""Wrong: the backward function of cos gives +sin x.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (-g * self.sin(),))',
        'lambda g: (g * self.sin(),))',
    ),
]
