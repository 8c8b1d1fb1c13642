"""Stores the trajectory in an array of theta0's dtype: integer starts are rounded."""

MUTATIONS = [
    (
        '    theta = np.array(theta0, dtype=float)\n'
        '    trajectory = [theta]\n'
        '    for _ in range(n_steps):\n'
        '        theta = theta - lr * grad_fn(theta)\n'
        '        trajectory.append(theta)\n'
        '    return np.array(trajectory)\n',
        '    trajectory = np.zeros((n_steps + 1, theta0.shape[0]), dtype=theta0.dtype)\n'
        '    trajectory[0] = theta0\n'
        '    for k in range(n_steps):\n'
        '        trajectory[k + 1] = trajectory[k] - lr * grad_fn(trajectory[k])\n'
        '    return trajectory\n',
    ),
]
