"""Wrong: gradient_descent steps along f''(x) instead of f'(x).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        _, dy, _ = derivatives(f, xs[-1])\n        xs.append(xs[-1] - lr * dy)\n',
        '        _, _, dy = derivatives(f, xs[-1])\n        xs.append(xs[-1] - lr * dy)\n',
    ),
]
