"""Wrong: forward returns a list [out, cache] instead of a tuple (out, cache)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return out, (X, a1, out)\n',
        '    return [out, (X, a1, out)]\n',
    ),
]
