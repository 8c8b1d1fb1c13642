"""Wrong: forward keeps its activations in params (params['a1'] = a1) instead of in the cache, adding a key."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return out, (X, a1, out)\n',
        '    params["a1"] = a1\n'
        '    return out, (X, a1, out)\n',
    ),
]
