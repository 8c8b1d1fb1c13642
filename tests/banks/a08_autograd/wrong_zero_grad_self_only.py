"""Wrong: zero_grad resets only self.grad.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        """\n'
        '        visited = set()\n'
        '\n'
        '        def reset(v):\n'
        '            if v not in visited:\n'
        '                visited.add(v)\n'
        '                v.grad = 0.0\n'
        '                for child in v._prev:\n'
        '                    reset(child)\n'
        '\n'
        '        reset(self)\n'
        '\n',
        '        """\n'
        '        self.grad = 0.0\n'
        '\n',
    ),
]
