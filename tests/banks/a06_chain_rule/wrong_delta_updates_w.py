"""Also applies the step to w in place, changing the caller's weights."""

MUTATIONS = [
    (
        '    return lr * (y - sigmoid(h)) * sigmoid_grad(h) * x',
        '    dw = lr * (y - sigmoid(h)) * sigmoid_grad(h) * x\n'
        '    w += dw\n'
        '    return dw',
    ),
]
