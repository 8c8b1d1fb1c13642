"""Wrong: backward and zero_grad return self (for chaining) instead of None.

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
        '        return self\n',
    ),
    (
        '        reset(self)\n',
        '        reset(self)\n'
        '        return self\n',
    ),
]
