"""svm_grad_single scales x in place by the count of positive margins to build dW[y], changing the caller's x."""

# A mutant: autograder/packaging/banks.py builds it from the reference solution (its BEGIN/END SOLUTION lines removed)
# by replacing each old text, which must occur exactly once, with its new text.
MUTATIONS = [
    (
        '    counts[y] = -np.sum(counts)\n'
        '    return np.outer(counts, x)\n',
        '    dW = np.outer(counts, x)\n'
        '    x *= -np.sum(counts)\n'
        '    dW[y] = x\n'
        '    return dW\n',
    ),
]
