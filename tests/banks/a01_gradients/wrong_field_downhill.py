"""gradient_field's arrows point downhill: the negative gradient, the direction gradient descent steps in."""

MUTATIONS = [
    ("    U, V = fun_dz(X, Y)\n    return X, Y, U, V\n", "    U, V = fun_dz(X, Y)\n    return X, Y, -U, -V\n"),
]
