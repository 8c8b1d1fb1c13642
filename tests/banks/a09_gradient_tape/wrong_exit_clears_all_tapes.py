"""Wrong: __exit__ empties _ACTIVE: when an inner tape's block ends, the outer tape stops recording too.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        _ACTIVE.remove(self)\n',
        '        _ACTIVE.clear()\n',
    ),
]
