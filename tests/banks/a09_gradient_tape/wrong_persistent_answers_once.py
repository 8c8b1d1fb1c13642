"""Wrong: A persistent tape raises RuntimeError on a second gradient call, like a one-shot tape.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        if self._used and not self.persistent:\n',
        '        if self._used:\n',
    ),
]
