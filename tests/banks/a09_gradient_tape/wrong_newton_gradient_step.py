"""Wrong: newton takes a gradient step, x - f'(x), without dividing by f''(x).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        xs.append(xs[-1] - dy / d2y)\n',
        '        xs.append(xs[-1] - dy)\n',
    ),
]
