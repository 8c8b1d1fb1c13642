"""Wrong: watch does nothing: a constant is never tracked.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        self._tracked[id(x)] = x\n',
        '        pass\n',
    ),
]
