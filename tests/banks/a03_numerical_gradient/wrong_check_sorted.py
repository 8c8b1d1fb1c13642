"""grad_check_sparse sorts the checks by index instead of keeping the order drawn."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    return checks\n',
        '    return sorted(checks)\n',
    ),
]
