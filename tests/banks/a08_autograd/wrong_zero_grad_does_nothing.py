"""Wrong: zero_grad walks the graph but never sets a .grad, so computed gradients stay as they are.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '                visited.add(v)\n'
        '                v.grad = 0.0\n',
        '                visited.add(v)\n',
    ),
]
