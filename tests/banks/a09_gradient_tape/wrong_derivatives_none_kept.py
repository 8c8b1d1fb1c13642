"""Wrong: derivatives returns None, not 0.0, for a derivative the tape reports as None.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return float(y.value), 0.0 if dy is None else float(dy.value), 0.0 if d2y is None else float(d2y.value)\n',
        '    return float(y.value), None if dy is None else float(dy.value), None if d2y is None else float(d2y.value)\n',
    ),
]
