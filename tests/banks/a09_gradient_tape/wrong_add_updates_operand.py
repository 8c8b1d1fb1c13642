"""Wrong: + adds into its left operand and returns it, instead of making a new Tensor.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        return record_operation("add", (self, other), self.value + other.value, lambda g: (g, g))\n',
        '        self.value = self.value + other.value\n        return self\n',
    ),
]
