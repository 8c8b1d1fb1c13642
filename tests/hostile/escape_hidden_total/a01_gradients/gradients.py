"""Hostile submission: prints a fake "Total: 15 / 15", then hides everything after it (ESC[8m, concealed text, never
reset), so that the real total would not show: in its exception's message and in what it prints."""

import numpy as np

FAKE = "\nTotal: 15 / 15\n\x1b[8m"


def fun_z(x, y):
    print(FAKE)
    raise ValueError(FAKE)


def fun_dz(x, y):
    print(FAKE)
    return 0.0 * x, 0.0 * y


def gradient_field(xs=None, ys=None):
    raise ValueError(FAKE)
