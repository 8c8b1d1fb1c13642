"""Wrong: __radd__ and __rmul__ return plain floats (other + self.data, other * self.data), not Values.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        return self + other\n',
        '        return other + self.data\n',
    ),
    (
        '        return self * other\n',
        '        return other * self.data\n',
    ),
]
