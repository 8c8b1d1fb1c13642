"""Correct: -, /, unary minus and the reflected operators built from +, * and **, and each local derivative written
another way (exp and tanh recomputed instead of read from out, log with ** -1, sigmoid through exp).

Otherwise identical to the reference solution.
"""

MUTATIONS = [
    (
        '        return record_operation("sub", (self, other), self.value - other.value, lambda g: (g, -g))\n',
        '        return self + (-other)\n',
    ),
    (
        '        other = _as_tensor(other)\n        return record_operation("div", (self, other), self.value / other.value,\n                                lambda g: (g / other, -g * self / (other * other)))\n',
        '        return self * _as_tensor(other) ** -1\n',
    ),
    (
        '        return record_operation("neg", (self,), -self.value, lambda g: (-g,))\n',
        '        return self * -1\n',
    ),
    (
        '        return _as_tensor(other) + self\n',
        '        return self + other\n',
    ),
    (
        '        return _as_tensor(other) * self\n',
        '        return self * other\n',
    ),
    (
        '        return _as_tensor(other) - self\n',
        '        return -self + other\n',
    ),
    (
        '        return _as_tensor(other) / self\n',
        '        return other * self ** -1\n',
    ),
    (
        'lambda g: (g * out,))',
        'lambda g: (self.exp() * g,))',
    ),
    (
        'lambda g: (g / self,))',
        'lambda g: (g * self ** -1,))',
    ),
    (
        'lambda g: (g * (1 - out * out),))',
        'lambda g: (g - g * self.tanh() ** 2,))',
    ),
    (
        'lambda g: (g * out * (1 - out),))',
        'lambda g: (g * (-self).exp() / (1 + (-self).exp()) ** 2,))',
    ),
    (
        'lambda g: (-g * self.sin(),))',
        'lambda g: (-(self.sin() * g),))',
    ),
]
