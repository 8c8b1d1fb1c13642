"""train_sgd computes every sample's gradient with the weight from the start of the epoch."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
        '    for _ in range(epochs):\n'
        '        grads = 2 * (w * xs - ys) * xs\n'
        '        for g in grads:\n'
        '            w -= lr * g\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n',
    ),
]
