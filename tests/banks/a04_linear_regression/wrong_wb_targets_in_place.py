"""gradient_wb subtracts b from ys in place to form the residual, changing the caller's targets."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    r = w * xs + b - ys\n',
        '    ys -= b\n'
        '    r = w * xs - ys\n',
    ),
]
