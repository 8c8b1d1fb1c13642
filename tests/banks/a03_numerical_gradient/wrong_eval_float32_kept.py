"""eval_numerical_gradient converts an integer x to float64 but keeps a float32 x as it is: the steps and the
gradient lose precision in float32."""

MUTATIONS = [
    (
        '    x = np.asarray(x, dtype=np.float64)  # the same array when x is already float64\n'
        '    grad = np.zeros(x.shape)\n',
        '    if x.dtype.kind in "iu":\n'
        '        x = x.astype(np.float64)\n'
        '    grad = np.zeros(x.shape, dtype=x.dtype)\n',
    ),
]
