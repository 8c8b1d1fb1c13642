"""eval_numerical_gradient works in the dtype of x: integer x truncates the step, float32 x loses precision."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    """\n'
        '    x = np.asarray(x, dtype=np.float64)  # the same array when x is already float64\n'
        '    grad = np.zeros(x.shape)\n'
        '    for ix in np.ndindex(x.shape):\n',
        '    """\n'
        '    grad = np.zeros_like(x)\n'
        '    for ix in np.ndindex(x.shape):\n',
    ),
]
