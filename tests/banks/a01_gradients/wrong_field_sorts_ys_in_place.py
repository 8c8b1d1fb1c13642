"""gradient_field sorts the caller's ys in place, so that rows run from the bottom up: ys is modified."""

MUTATIONS = [
    ("    ys = default if ys is None else np.asarray(ys, dtype=float)\n",
     "    if ys is not None:\n"
     "        ys.sort()  # rows from the bottom up\n"
     "    ys = default if ys is None else np.asarray(ys, dtype=float)\n"),
]
