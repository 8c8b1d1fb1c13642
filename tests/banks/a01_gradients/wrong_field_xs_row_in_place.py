"""gradient_field makes xs a row by setting its shape in place (xs.shape = (1, -1)): a float64 xs is the caller's own
array, whose shape changes; the grid it spans is right."""

MUTATIONS = [
    ("    X, Y = np.meshgrid(xs, ys)  # indexing=\"xy\": X varies along a row, Y down a column\n",
     "    column = ys[:, None]\n"
     "    xs.shape = (1, -1)  # a row, to broadcast against the column\n"
     "    X, Y = xs + 0 * column, column + 0 * xs\n"),
]
