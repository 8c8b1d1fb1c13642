"""Wrong: **, exp, tanh and sigmoid make their result without children (the tuple (self,) forgotten), so no gradient
reaches their input.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        out = Value(self.data**other, (self,), f"**{other}")\n',
        '        out = Value(self.data**other, (), f"**{other}")\n',
    ),
    (
        '        out = Value(math.exp(self.data), (self,), "exp")\n',
        '        out = Value(math.exp(self.data), (), "exp")\n',
    ),
    (
        '        out = Value(t, (self,), "tanh")\n',
        '        out = Value(t, (), "tanh")\n',
    ),
    (
        '        out = Value(s, (self,), "sigmoid")\n',
        '        out = Value(s, (), "sigmoid")\n',
    ),
]
