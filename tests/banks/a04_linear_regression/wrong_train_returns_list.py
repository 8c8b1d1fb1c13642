"""train_gd returns a list [w, costs] instead of a tuple (w, costs)."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return float(w), np.array(costs, dtype=float)\n',
        '    return [float(w), np.array(costs, dtype=float)]\n',
    ),
]
