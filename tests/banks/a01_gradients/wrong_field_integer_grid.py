"""gradient_field keeps integer coordinates as integers, so X and Y come back with an integer dtype."""

MUTATIONS = [
    ("    xs = default if xs is None else np.asarray(xs, dtype=float)\n    ys = default if ys is None else np.asarray(ys, dtype=float)\n",
     "    xs = default if xs is None else np.asarray(xs)\n    ys = default if ys is None else np.asarray(ys)\n"),
]
