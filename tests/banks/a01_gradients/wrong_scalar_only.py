"""Uses math.sin/math.cos, so arrays raise TypeError."""

MUTATIONS = [
    (
        'import numpy as np\n',
        'import math\n'
        '\n'
        'import numpy as np\n',
    ),
    ('    return np.sin(x**2 + y**2)\n', '    return math.sin(x**2 + y**2)\n'),
    ('    return 2 * x * np.cos(u), 2 * y * np.cos(u)\n', '    return 2 * x * math.cos(u), 2 * y * math.cos(u)\n'),
]
