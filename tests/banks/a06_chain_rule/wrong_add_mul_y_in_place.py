"""Adds x into y in place (y += x) to form q, changing the caller's y."""

MUTATIONS = [
    (
        '    q = x + y  # forward: add gate\n',
        '    y += x  # forward: add gate, in place\n'
        '    q = y\n',
    ),
]
