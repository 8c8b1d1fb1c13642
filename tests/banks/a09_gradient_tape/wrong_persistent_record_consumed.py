"""Wrong: gradient empties the record as it walks it: a second call on a persistent tape finds nothing.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        for op, inputs, out, backward in reversed(list(self._record)):\n',
        '        while self._record:\n            op, inputs, out, backward = self._record.pop()\n',
    ),
]
