"""gradient_field returns its four arrays transposed, laid out one row per x."""

MUTATIONS = [
    ("    U, V = fun_dz(X, Y)\n    return X, Y, U, V\n", "    U, V = fun_dz(X, Y)\n    return X.T, Y.T, U.T, V.T\n"),
]
