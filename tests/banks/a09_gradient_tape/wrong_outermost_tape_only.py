"""Wrong: record_operation records on the outermost active tape only: an inner tape records nothing.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    for tape in _ACTIVE:\n',
        '    for tape in _ACTIVE[:1]:\n',
    ),
]
