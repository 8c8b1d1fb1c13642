"""Wrong: gradient_descent leaves x0 out: an array of shape (steps,).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        xs.append(xs[-1] - lr * dy)\n    return np.array(xs)\n',
        '        xs.append(xs[-1] - lr * dy)\n    return np.array(xs[1:])\n',
    ),
]
