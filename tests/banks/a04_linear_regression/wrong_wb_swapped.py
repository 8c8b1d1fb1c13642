"""gradient_wb returns (dC/db, dC/dw): the two derivatives in the wrong order."""

MUTATIONS = [
    (
        '    return float(np.mean(2 * r * xs)), float(np.mean(2 * r))\n',
        '    return float(np.mean(2 * r)), float(np.mean(2 * r * xs))\n',
    ),
]
