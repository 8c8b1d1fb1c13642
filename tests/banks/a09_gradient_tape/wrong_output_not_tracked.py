"""Wrong: record_operation records the operation but does not track its output: only operations that read a Variable or a watched Tensor are recorded.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '            tape._tracked[id(out)] = out\n',
        '',
    ),
]
