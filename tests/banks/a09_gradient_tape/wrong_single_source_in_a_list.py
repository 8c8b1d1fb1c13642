"""Wrong: gradient returns a list for a single source too.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        if isinstance(sources, list):\n',
        '        if not isinstance(sources, list):\n            sources = [sources]\n        if isinstance(sources, list):\n',
    ),
]
