"""Wrong: zero_grad resets only the leaves (nodes with no children), not the intermediate nodes.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '                visited.add(v)\n'
        '                v.grad = 0.0\n'
        '                for child in v._prev:\n',
        '                visited.add(v)\n'
        '                if not v._prev:\n'
        '                    v.grad = 0.0\n'
        '                for child in v._prev:\n',
    ),
]
