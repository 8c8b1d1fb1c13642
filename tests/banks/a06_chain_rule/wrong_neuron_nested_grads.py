"""Returns (f, (dw, dx)), the gradients nested as in add_mul, instead of the flat tuple (f, dw, dx)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return f, ddot * xb, ddot * w[:-1]',
        '    return f, (ddot * xb, ddot * w[:-1])',
    ),
]
