"""Wrong: gradient walks the record from its first entry to its last: the chain rule in the wrong order.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        for op, inputs, out, backward in reversed(list(self._record)):\n',
        '        for op, inputs, out, backward in list(self._record):\n',
    ),
]
