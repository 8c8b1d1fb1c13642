"""Wrong: __exit__ returns True: an exception raised in the with block is swallowed.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        _ACTIVE.remove(self)\n',
        '        _ACTIVE.remove(self)\n        return True\n',
    ),
]
