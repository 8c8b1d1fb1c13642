"""Hostile submission: moves the cursor up and erases the line (ESC[1A ESC[2K, and the 8-bit CSI), then draws a
fake "pass" line where the FAIL line was: in its exception's type name and message, in what it prints, and in the
type name of what it returns."""

import numpy as np

FAKE = "\x1b[1A\x1b[2K\x9b1A\x9b2K      1/1     pass     fun_z(1, 1) = sin(2)"
Erase = type("Erase\x1b[2K", (Exception,), {})
Returned = type(FAKE, (), {})


def fun_z(x, y):
    print(FAKE)
    raise Erase(FAKE)


def fun_dz(x, y):
    print(FAKE)
    return Returned(), Returned()


def gradient_field(xs=None, ys=None):
    raise SystemExit(FAKE)
