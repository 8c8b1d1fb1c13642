"""train_sgd records the full-data MSE before the epoch's updates instead of after."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    for _ in range(epochs):\n'
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '    return float(w), np.array(losses, dtype=float)\n',
        '    for _ in range(epochs):\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '        for x, y in zip(xs, ys):\n'
        '            w -= lr * 2 * (w * x - y) * x\n'
        '    return float(w), np.array(losses, dtype=float)\n',
    ),
]
