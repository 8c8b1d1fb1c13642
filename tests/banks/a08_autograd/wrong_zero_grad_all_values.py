"""Wrong: zero_grad resets every Value ever made (a class-wide registry), not only those reachable from self.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        self._op = _op\n',
        '        self._op = _op\n'
        '        Value._every.append(self)\n',
    ),
    (
        'class Value:\n',
        'class Value:\n'
        '    _every = []\n',
    ),
    (
        '        reset(self)\n',
        '        reset(self)\n'
        '        for v in Value._every:\n'
        '            v.grad = 0.0\n',
    ),
]
