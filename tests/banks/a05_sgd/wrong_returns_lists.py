"""train_sgd and train_minibatch return a list [w, losses] instead of a tuple (w, losses)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '    return float(w), np.array(losses, dtype=float)\n',
        '            w -= lr * 2 * (w * x - y) * x\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '    return [float(w), np.array(losses, dtype=float)]\n',
    ),
    (
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '    return float(w), np.array(losses, dtype=float)\n',
        '            w -= lr * 2 * np.mean((w * xs[b] - ys[b]) * xs[b])\n'
        '        losses.append(np.mean((w * xs - ys) ** 2))\n'
        '    return [float(w), np.array(losses, dtype=float)]\n',
    ),
]
