"""Also applies the step to w in place (np.asarray(w, dtype=float) is w itself for a float64 w), changing the
caller's weights."""

MUTATIONS = [
    (
        '    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x',
        '    dw = lr * (y - sigmoid(h)) * sigmoid_grad(h) * x\n'
        '    w = np.asarray(w, dtype=float)\n'
        '    w += dw\n'
        '    return dw',
    ),
]
