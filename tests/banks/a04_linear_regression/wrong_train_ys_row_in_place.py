"""train_gd makes ys a row vector by setting its shape in place (ys.shape = (1, -1)): the caller's targets change
shape; w and the costs are right."""

MUTATIONS = [
    (
        '    w, costs = w0, []\n',
        '    ys.shape = (1, -1)  # targets along a row, as in the notes\n'
        '    w, costs = w0, []\n',
    ),
]
