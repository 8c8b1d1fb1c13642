"""train_sgd drops the factor 2 of the derivative of the squared error."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
    ),
]
