"""gradient_field makes ys a column by setting its shape in place (ys.shape = (-1, 1)): a float64 ys is the caller's
own array, whose shape changes; the grid it spans is right."""

MUTATIONS = [
    ("    X, Y = np.meshgrid(xs, ys)  # indexing=\"xy\": X varies along a row, Y down a column\n",
     "    row = xs[None, :]\n"
     "    ys.shape = (-1, 1)  # a column, to broadcast against the row\n"
     "    X, Y = row + 0 * ys, ys + 0 * row\n"),
]
