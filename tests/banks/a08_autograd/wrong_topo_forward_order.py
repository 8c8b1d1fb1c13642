"""Wrong: backward calls _backward in topological order (leaves first) instead of the reverse.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        self.grad = 1.0\n'
        '        for v in reversed(topo):\n'
        '            v._backward()\n',
        '        self.grad = 1.0\n'
        '        for v in topo:\n'
        '            v._backward()\n',
    ),
]
