"""Wrong: gradient seeds the target with Tensor(0.0): every gradient is 0.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        grads = {id(target): Tensor(1.0)}\n',
        '        grads = {id(target): Tensor(0.0)}\n',
    ),
]
