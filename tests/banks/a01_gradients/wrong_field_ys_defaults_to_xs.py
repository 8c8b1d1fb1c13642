"""gradient_field reads "the same 11 points" as "the same points as xs": with xs given and ys left out, ys = xs."""

MUTATIONS = [
    ("    ys = default if ys is None else np.asarray(ys, dtype=float)\n",
     "    ys = xs if ys is None else np.asarray(ys, dtype=float)\n"),
]
