"""Wrong: the backward function of * gives each operand its own value: (g * self, g * other).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g * other, g * self))',
        'lambda g: (g * self, g * other))',
    ),
]
