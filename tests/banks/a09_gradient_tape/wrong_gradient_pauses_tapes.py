"""Wrong: gradient stops every active tape while it runs: the gradient computation is not recorded on an outer tape.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        grads = {id(target): Tensor(1.0)}\n',
        '        paused = _ACTIVE[:]\n        _ACTIVE.clear()\n        grads = {id(target): Tensor(1.0)}\n',
    ),
    (
        '        if isinstance(sources, list):\n            return [grads.get',
        '        _ACTIVE.extend(paused)\n        if isinstance(sources, list):\n            return [grads.get',
    ),
]
