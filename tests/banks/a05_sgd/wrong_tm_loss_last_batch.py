"""train_minibatch records the MSE of the epoch's last batch instead of the full-data MSE."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '    return float(w), np.array(losses, dtype=float)\n',
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs[b] - ys[b]) ** 2))\n'
        '    return float(w), np.array(losses, dtype=float)\n',
    ),
]
