"""train_sgd visits the samples from last to first."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n',
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs[::-1], ys[::-1]):\n'
        '            w -= lr * 2 * (w * x - y) * x\n',
    ),
]
