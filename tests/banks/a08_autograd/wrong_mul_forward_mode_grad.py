"""Wrong: __mul__ also fills the new node's .grad forward-mode (self.grad * other.data + self.data * other.grad):
0 while the operands' .grad are 0, as in a fresh graph, but not a new node's 0.0 once they are not.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        out = Value(self.data * other.data, (self, other), "*")\n',
        '        out = Value(self.data * other.data, (self, other), "*")\n'
        '        out.grad = self.grad * other.data + self.data * other.grad\n',
    ),
]
