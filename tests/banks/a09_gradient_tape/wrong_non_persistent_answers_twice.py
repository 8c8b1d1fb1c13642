"""Wrong: A tape that is not persistent answers a second gradient call instead of raising RuntimeError.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        if self._used and not self.persistent:\n            raise RuntimeError(',
        '        if False:\n            raise RuntimeError(',
    ),
]
