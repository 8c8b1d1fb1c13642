"""gradient_field normalises every arrow to length 1, so steep and flat places look alike."""

MUTATIONS = [
    ("    U, V = fun_dz(X, Y)\n", "    U, V = fun_dz(X, Y)\n    length = np.maximum(np.hypot(U, V), 1e-12)\n    U, V = U / length, V / length\n"),
]
