"""train_sgd records the sum of squared errors instead of their mean."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '    return float(w), np.array(losses, dtype=float)\n',
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.sum((w * xs - ys) ** 2))\n'
        '    return float(w), np.array(losses, dtype=float)\n',
    ),
]
