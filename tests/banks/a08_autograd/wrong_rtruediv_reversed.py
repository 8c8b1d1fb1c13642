"""Wrong: __rtruediv__ computes self / other, so 2 / x gives x / 2.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        """\n'
        '        return other * self**-1\n',
        '        """\n'
        '        return self / other\n',
    ),
]
