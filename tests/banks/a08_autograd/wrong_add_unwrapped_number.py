"""Wrong: __add__ does not wrap a number in a Value, so x + 3 fails on 3.data.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        other = other if isinstance(other, Value) else Value(other)\n'
        '        out = Value(self.data + other.data, (self, other), "+")\n',
        '        out = Value(self.data + other.data, (self, other), "+")\n',
    ),
]
