"""gradient_field's default grid stops at 2.0: np.arange(-2.5, 2.5, 0.5) leaves out its end point."""

MUTATIONS = [
    ("    default = np.arange(-2.5, 2.6, 0.5)", "    default = np.arange(-2.5, 2.5, 0.5)"),
]
