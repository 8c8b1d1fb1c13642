"""rel_error takes the absolute values of array inputs in place (np.abs(x, out=x)), changing the caller's arrays."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))\n',
        '    diff = np.abs(x - y)\n'
        '    if isinstance(x, np.ndarray) and isinstance(y, np.ndarray):\n'
        '        x, y = np.abs(x, out=x), np.abs(y, out=y)\n'
        '    return float(np.max(diff / np.maximum(1e-8, np.abs(x) + np.abs(y))))\n',
    ),
]
