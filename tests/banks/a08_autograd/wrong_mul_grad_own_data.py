"""Wrong: __mul__ gives each operand its own value as local derivative instead of the other operand's.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        def _backward():\n'
        '            self.grad += other.data * out.grad\n'
        '            other.grad += self.data * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad += self.data * out.grad\n'
        '            other.grad += other.data * out.grad\n'
        '\n',
    ),
]
