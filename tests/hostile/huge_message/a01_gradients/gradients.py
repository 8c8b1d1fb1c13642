"""Hostile submission: a 10 MB exception message on a single line, sprinkled with escape sequences, and a 10 MB
single line printed."""

LINE = ("\x1b[2K" + "A" * 1020) * 10240  # 10 MB, no newline


def fun_z(x, y):
    raise ValueError(LINE)


def fun_dz(x, y):
    print(LINE)
    return 0.0 * x, 0.0 * y


def gradient_field(xs=None, ys=None):
    raise ValueError(LINE)
