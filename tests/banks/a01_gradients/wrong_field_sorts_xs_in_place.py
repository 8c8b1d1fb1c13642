"""gradient_field sorts the caller's xs in place, so that columns run from left to right: xs is modified."""

MUTATIONS = [
    ("    xs = default if xs is None else np.asarray(xs, dtype=float)\n",
     "    if xs is not None:\n"
     "        xs.sort()  # columns from left to right\n"
     "    xs = default if xs is None else np.asarray(xs, dtype=float)\n"),
]
