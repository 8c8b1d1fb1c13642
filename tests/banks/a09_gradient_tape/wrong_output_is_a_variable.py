"""Wrong: record_operation makes its result a Variable, not a plain Tensor.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    out = Tensor(value)\n    for tape in _ACTIVE:\n',
        '    out = Variable(value)\n    for tape in _ACTIVE:\n',
    ),
]
