"""Hostile submission: Recurses forever."""

def fun_z(x, y):
    return fun_z(x, y)


def fun_dz(x, y):
    return fun_dz(x, y)
