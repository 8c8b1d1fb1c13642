"""train_gd makes xs a row vector by setting its shape in place (xs.shape = (1, -1)): the caller's inputs change
shape; w and the costs are right."""

MUTATIONS = [
    (
        '    w, costs = w0, []\n',
        '    xs.shape = (1, -1)  # samples along a row, as in the notes\n'
        '    w, costs = w0, []\n',
    ),
]
