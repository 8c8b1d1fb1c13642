"""Wrong: backward writes the error out - Y into Y (np.subtract(out, Y, out=Y)), changing the caller's targets."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    delta2 = (out - Y) * out * (1 - out) / N',
        '    delta2 = np.subtract(out, Y, out=Y) * out * (1 - out) / N',
    ),
]
