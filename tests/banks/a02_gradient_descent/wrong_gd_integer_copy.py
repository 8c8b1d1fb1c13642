"""Copies theta0 without converting to float: an integer theta0 cannot take the in-place float update."""

MUTATIONS = [
    (
        '    theta = np.array(theta0, dtype=float)\n'
        '    trajectory = [theta]\n',
        '    theta = theta0.copy()\n'
        '    trajectory = [theta.copy()]\n',
    ),
    (
        '        theta = theta - lr * grad_fn(theta)\n'
        '        trajectory.append(theta)\n',
        '        theta -= lr * grad_fn(theta)\n'
        '        trajectory.append(theta.copy())\n',
    ),
]
