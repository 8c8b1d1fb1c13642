"""Wrong: __neg__ returns a new leaf Value(-x), cut off from the graph: no gradient flows through -x.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        """\n'
        '        return self * -1\n'
        '\n',
        '        """\n'
        '        return Value(-self.data)\n'
        '\n',
    ),
]
