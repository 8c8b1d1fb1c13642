"""Wrong: gradient wraps every contribution in a new constant Tensor: the outer tape never sees the backward pass, so second derivatives are None.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '            for x, gx in zip(inputs, backward(g)):\n',
        '            for x, gx in zip(inputs, [Tensor(v.value) for v in backward(g)]):\n',
    ),
]
