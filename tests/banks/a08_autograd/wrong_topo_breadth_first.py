"""Wrong: backward visits the nodes breadth-first from the output instead of in reverse topological order.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        """\n'
        '        topo = []\n'
        '        visited = set()\n'
        '\n'
        '        def build_topo(v):\n'
        '            if v not in visited:\n'
        '                visited.add(v)\n'
        '                for child in v._prev:\n'
        '                    build_topo(child)\n'
        '                topo.append(v)\n'
        '\n'
        '        build_topo(self)\n'
        '        self.grad = 1.0\n'
        '        for v in reversed(topo):\n'
        '            v._backward()\n',
        '        """\n'
        '        order = [self]\n'
        '        seen = {self}\n'
        '        for v in order:\n'
        '            for child in v._prev:\n'
        '                if child not in seen:\n'
        '                    seen.add(child)\n'
        '                    order.append(child)\n'
        '        self.grad = 1.0\n'
        '        for v in order:\n'
        '            v._backward()\n',
    ),
]
