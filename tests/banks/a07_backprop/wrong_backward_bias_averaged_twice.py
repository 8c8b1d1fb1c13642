"""Wrong: backward averages the bias gradients again (mean of deltas already divided by N).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        "W1": delta1.T @ X,\n'
        '        "b1": delta1.sum(axis=0),\n'
        '        "W2": delta2.T @ a1,\n'
        '        "b2": delta2.sum(axis=0),\n'
        '    }\n',
        '        "W1": delta1.T @ X,\n'
        '        "b1": delta1.mean(axis=0),\n'
        '        "W2": delta2.T @ a1,\n'
        '        "b2": delta2.mean(axis=0),\n'
        '    }\n',
    ),
]
