"""Wrong: gradient answers for a constant it was never asked to watch, when the target was computed from it.

Otherwise identical to the reference solution.
"""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '            return [grads.get(id(s)) if self._tracks(s) else None for s in sources]\n        return grads.get(id(sources)) if self._tracks(sources) else None\n',
        '            return [grads.get(id(s)) for s in sources]\n        return grads.get(id(sources))\n',
    ),
]
