"""Wrong: backward first sets every reachable .grad to 0, so gradients never accumulate across backward calls.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        build_topo(self)\n'
        '        self.grad = 1.0\n',
        '        build_topo(self)\n'
        '        for v in topo:\n'
        '            v.grad = 0.0\n'
        '        self.grad = 1.0\n',
    ),
]
