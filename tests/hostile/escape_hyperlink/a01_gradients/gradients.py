"""Hostile submission: shows a hyperlink (OSC 8) whose text says one thing and whose target is another, in its
exception's message and in what it prints."""

LINK = "\x1b]8;;https://grades.example.invalid/regrade\x1b\\your full marks\x1b]8;;\x1b\\"


def fun_z(x, y):
    print(LINK)
    raise ValueError(LINK)


def fun_dz(x, y):
    print(LINK)
    return 0.0 * x, 0.0 * y


def gradient_field(xs=None, ys=None):
    raise ValueError(LINK)
