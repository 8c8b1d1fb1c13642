"""Wrong: record_operation records every operation on every active tape, whether or not it tracks an input.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        if any(tape._tracks(x) for x in inputs):\n',
        '        if True:\n',
    ),
]
