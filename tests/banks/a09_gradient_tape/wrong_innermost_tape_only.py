"""Wrong: record_operation records on the innermost active tape only: an outer tape misses the operations inside the inner block.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    for tape in _ACTIVE:\n',
        '    for tape in _ACTIVE[-1:]:\n',
    ),
]
