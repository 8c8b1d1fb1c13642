"""Hostile submission: a bare carriage return sends the cursor back to the start of the line, and a fake "pass"
line overwrites the real one: in its exception's message and in what it prints."""

FAKE = "oops\r      1/1     pass     fun_z(1, 1) = sin(2)       "


def fun_z(x, y):
    print(FAKE)
    raise ValueError(FAKE)


def fun_dz(x, y):
    print(FAKE)
    return 0.0 * x, 0.0 * y


def gradient_field(xs=None, ys=None):
    raise ValueError(FAKE)
