"""Wrong: the backward function of ** forgets the factor n: g * x^(n-1).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g * n * self ** (n - 1),))',
        'lambda g: (g * self ** (n - 1),))',
    ),
]
