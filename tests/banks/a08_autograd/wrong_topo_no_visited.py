"""Wrong: the topological sort has no visited set, so a node reached by two paths runs its _backward twice.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '        topo = []\n'
        '        visited = set()\n'
        '\n'
        '        def build_topo(v):\n'
        '            if v not in visited:\n'
        '                visited.add(v)\n'
        '                for child in v._prev:\n'
        '                    build_topo(child)\n'
        '                topo.append(v)\n'
        '\n',
        '        topo = []\n'
        '\n'
        '        def build_topo(v):\n'
        '            for child in v._prev:\n'
        '                build_topo(child)\n'
        '            topo.append(v)\n'
        '\n',
    ),
]
