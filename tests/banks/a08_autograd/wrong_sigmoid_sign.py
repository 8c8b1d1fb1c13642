"""Wrong: sigmoid computes 1 / (1 + exp(x)) instead of 1 / (1 + exp(-x)).

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        """\n'
        '        s = 1 / (1 + math.exp(-self.data))\n'
        '        out = Value(s, (self,), "sigmoid")\n',
        '        """\n'
        '        s = 1 / (1 + math.exp(self.data))\n'
        '        out = Value(s, (self,), "sigmoid")\n',
    ),
]
