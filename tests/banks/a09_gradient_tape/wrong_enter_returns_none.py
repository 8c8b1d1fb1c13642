"""Wrong: __enter__ returns None: `with GradientTape() as tape` names nothing.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        _ACTIVE.append(self)\n        return self\n',
        '        _ACTIVE.append(self)\n',
    ),
]
