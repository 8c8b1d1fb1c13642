"""Wrong: backward never seeds the output with 1, so every gradient stays 0.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        build_topo(self)\n'
        '        self.grad = 1.0\n'
        '        for v in reversed(topo):\n',
        '        build_topo(self)\n'
        '        for v in reversed(topo):\n',
    ),
]
