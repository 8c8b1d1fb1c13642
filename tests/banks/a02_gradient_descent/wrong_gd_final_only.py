"""Returns only the final point, not the trajectory."""

MUTATIONS = [
    (
        '    trajectory = [theta]\n'
        '    for _ in range(n_steps):\n'
        '        theta = theta - lr * grad_fn(theta)\n'
        '        trajectory.append(theta)\n'
        '    return np.array(trajectory)\n',
        '    for _ in range(n_steps):\n'
        '        theta = theta - lr * grad_fn(theta)\n'
        '    return theta\n',
    ),
]
