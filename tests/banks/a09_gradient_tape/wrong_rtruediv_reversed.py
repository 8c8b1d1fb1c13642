"""Wrong: 2 / x computes x / 2.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        return _as_tensor(other) / self\n',
        '        return self / _as_tensor(other)\n',
    ),
]
