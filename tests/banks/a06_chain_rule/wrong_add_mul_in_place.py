"""Adds y into x in place (x += y) to form q, changing the caller's x."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    q = x + y  # forward: add gate\n',
        '    x += y  # forward: add gate, in place\n'
        '    q = x\n',
    ),
]
