"""svm_loss_single makes x a column vector by setting its shape in place (x.shape = (-1, 1)): the caller's x changes
shape; the loss is right."""

MUTATIONS = [
    (
        '    scores = W @ x\n'
        '    margins = np.maximum(0, scores - scores[y] + delta)\n',
        '    x.shape = (-1, 1)  # a column vector, as in the notes\n'
        '    scores = (W @ x)[:, 0]\n'
        '    margins = np.maximum(0, scores - scores[y] + delta)\n',
    ),
]
