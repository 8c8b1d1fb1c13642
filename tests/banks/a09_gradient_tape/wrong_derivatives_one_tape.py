"""Wrong: derivatives asks the inner tape for the second derivative as well: it did not record its own gradient call, so f'' is always 0.0.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    t = Variable(x)\n    with GradientTape() as outer:\n        with GradientTape() as inner:\n            y = f(t)\n        dy = inner.gradient(y, t)\n    d2y = None if dy is None else outer.gradient(dy, t)\n',
        '    t = Variable(x)\n    with GradientTape(persistent=True) as inner:\n        y = f(t)\n    dy = inner.gradient(y, t)\n    d2y = None if dy is None else inner.gradient(dy, t)\n',
    ),
]
