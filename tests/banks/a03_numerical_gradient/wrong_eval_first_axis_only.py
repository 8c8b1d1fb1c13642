"""eval_numerical_gradient loops over the first axis only, so it is right for 1-D x only."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    grad = np.zeros(x.shape)\n'
        '    for ix in np.ndindex(x.shape):\n'
        '        old = x[ix]\n'
        '        x[ix] = old + h\n',
        '    grad = np.zeros(x.shape)\n'
        '    for ix in range(len(x)):\n'
        '        old = x[ix].copy()\n'
        '        x[ix] = old + h\n',
    ),
]
