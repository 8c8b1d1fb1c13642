"""eval_numerical_gradient converts a float32 x to float64 but keeps an integer x as it is: x + h truncates to x, and
every estimate is 0 or a whole step off."""

MUTATIONS = [
    (
        '    x = np.asarray(x, dtype=np.float64)  # the same array when x is already float64\n',
        '    if x.dtype == np.float32:\n'
        '        x = x.astype(np.float64)\n',
    ),
]
