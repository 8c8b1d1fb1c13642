"""gradient_field returns the arrow components swapped, (dz/dy, dz/dx)."""

MUTATIONS = [
    ("    U, V = fun_dz(X, Y)\n", "    V, U = fun_dz(X, Y)\n"),
]
