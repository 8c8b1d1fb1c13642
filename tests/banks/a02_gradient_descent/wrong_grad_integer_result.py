"""Returns an integer array when theta holds integers (2 * theta keeps the dtype)."""

MUTATIONS = [
    ('    return 2.0 * theta\n', '    return 2 * theta\n'),
]
