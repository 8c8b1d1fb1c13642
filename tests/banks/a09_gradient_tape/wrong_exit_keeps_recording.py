"""Wrong: __exit__ does not remove the tape from _ACTIVE: it records operations after its with block.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        _ACTIVE.remove(self)\n',
        '        pass\n',
    ),
]
