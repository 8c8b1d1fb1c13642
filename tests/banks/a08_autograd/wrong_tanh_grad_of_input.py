"""Wrong: tanh's local derivative is 1 - x**2 (of the input) instead of 1 - tanh(x)**2.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        def _backward():\n'
        '            self.grad += (1 - t**2) * out.grad\n'
        '\n',
        '        def _backward():\n'
        '            self.grad += (1 - self.data**2) * out.grad\n'
        '\n',
    ),
]
