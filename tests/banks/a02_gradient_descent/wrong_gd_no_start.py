"""Leaves theta0 out of the trajectory: n_steps rows instead of n_steps + 1."""

MUTATIONS = [
    ('    trajectory = [theta]\n', '    trajectory = []\n'),
]
