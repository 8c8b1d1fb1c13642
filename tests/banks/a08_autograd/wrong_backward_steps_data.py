"""Wrong: backward also takes a gradient step on the leaves (data -= 0.01 * grad), as a training loop would.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        for v in reversed(topo):\n'
        '            v._backward()\n',
        '        for v in reversed(topo):\n'
        '            v._backward()\n'
        '        for v in topo:\n'
        '            if not v._prev:\n'
        '                v.data -= 0.01 * v.grad\n',
    ),
]
