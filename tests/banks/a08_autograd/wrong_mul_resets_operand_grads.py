"""Wrong: __mul__ resets its operands' .grad to 0 when it makes a new node, to start each graph from zero: building
on a node wipes the gradient it holds.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        out = Value(self.data * other.data, (self, other), "*")\n',
        '        out = Value(self.data * other.data, (self, other), "*")\n'
        '        self.grad = other.grad = 0.0  # a fresh graph starts from zero\n',
    ),
]
