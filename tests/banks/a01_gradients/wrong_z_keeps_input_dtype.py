"""fun_z keeps the input's dtype: integer x and y give integer z (sin truncated to 0, -1 or 1)."""

MUTATIONS = [
    ("    return np.sin(x**2 + y**2)\n",
     "    return np.asarray(np.sin(x**2 + y**2)).astype(np.result_type(x, y))\n"),
]
