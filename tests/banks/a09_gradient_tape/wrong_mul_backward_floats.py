"""Wrong: the backward function of * computes with floats: correct first derivatives, but products lose their second derivatives.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '                                lambda g: (g * other, g * self))\n',
        '                                lambda g: (Tensor(g.value * other.value), Tensor(g.value * self.value)))\n',
    ),
]
