"""Stable, but with math.exp and an if: works for numbers only, not for arrays."""

MUTATIONS = [
    (
        'import numpy as np\n',
        'import math\n'
        '\n'
        'import numpy as np\n',
    ),
    (
        '    z = np.asarray(z, dtype=float)\n'
        '    e = np.exp(-np.abs(z))  # exp of a number <= 0: in (0, 1], never overflows\n'
        '    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # for z < 0, sigma(z) = exp(z) / (1 + exp(z))\n'
        '    return float(s) if s.ndim == 0 else s\n',
        '    if z >= 0:\n'
        '        return 1 / (1 + math.exp(-z))\n'
        '    e = math.exp(z)\n'
        '    return e / (1 + e)\n',
    ),
]
