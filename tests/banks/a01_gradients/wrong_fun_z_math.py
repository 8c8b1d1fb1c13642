"""fun_z uses math.sin, which takes one number only: arrays raise TypeError (fun_dz is right)."""

# The beginner's mistake the handout warns about ("Use numpy, not math"): it scores on numbers alone.
MUTATIONS = [
    (
        'import numpy as np\n',
        'import math\n'
        '\n'
        'import numpy as np\n',
    ),
    ('    return np.sin(x**2 + y**2)\n', '    return math.sin(x**2 + y**2)\n'),
]
