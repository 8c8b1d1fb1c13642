"""Updates theta0 itself in place (theta = theta0 does not copy)."""

MUTATIONS = [
    (
        '    theta = np.array(theta0, dtype=float)\n'
        '    trajectory = [theta]\n',
        '    theta = theta0\n'
        '    trajectory = [theta.copy()]\n',
    ),
    (
        '        theta = theta - lr * grad_fn(theta)\n'
        '        trajectory.append(theta)\n',
        '        theta -= lr * grad_fn(theta)\n'
        '        trajectory.append(theta.copy())\n',
    ),
    ('    return np.array(trajectory)\n', '    return np.array(trajectory, dtype=float)\n'),
]
