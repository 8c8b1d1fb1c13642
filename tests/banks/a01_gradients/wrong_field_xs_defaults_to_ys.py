"""gradient_field takes the columns from ys when xs is left out and ys is given: a square grid at ys, not the default."""

MUTATIONS = [
    ("    xs = default if xs is None else np.asarray(xs, dtype=float)\n"
     "    ys = default if ys is None else np.asarray(ys, dtype=float)\n",
     "    ys = default if ys is None else np.asarray(ys, dtype=float)\n"
     "    xs = ys if xs is None else np.asarray(xs, dtype=float)\n"),
]
