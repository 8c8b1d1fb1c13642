"""Hostile submission: Returns objects that cannot cross the sandbox boundary: a generator and a lambda."""

def fun_z(x, y):
    return (v for v in [x, y])


def fun_dz(x, y):
    return lambda: x, lambda: y
