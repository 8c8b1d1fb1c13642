"""Wrong: record_operation checks only the watched Tensors: a Variable is not tracked unless watched.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        if any(tape._tracks(x) for x in inputs):\n',
        '        if any(id(x) in tape._tracked for x in inputs):\n',
    ),
]
