"""Wrong: 2 + x and 2 * x return plain floats, not Tensors.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        return _as_tensor(other) + self\n',
        '        return other + self.value\n',
    ),
    (
        '        return _as_tensor(other) * self\n',
        '        return other * self.value\n',
    ),
]
