"""eval_numerical_gradient ignores h and always uses a step of 1e-5."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    x = np.asarray(x, dtype=np.float64)  # the same array when x is already float64\n'
        '    grad = np.zeros(x.shape)\n',
        '    x = np.asarray(x, dtype=np.float64)  # the same array when x is already float64\n'
        '    h = 1e-5\n'
        '    grad = np.zeros(x.shape)\n',
    ),
]
