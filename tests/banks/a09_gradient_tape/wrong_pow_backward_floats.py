"""Wrong: the backward function of ** computes its local derivative as a float: second derivatives of powers are wrong.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        'lambda g: (g * n * self ** (n - 1),))',
        'lambda g: (g * (n * self.value ** (n - 1)),))',
    ),
]
