"""Hostile submission: exception messages holding lone surrogates, which UTF-8 cannot encode: results.json could not
be written, and a terminal that gets them as bytes (0x9b is an 8-bit CSI) would obey them."""


def fun_z(x, y):
    raise ValueError("not UTF-8: \udc80\udcff, a CSI as a byte: \udc9b2J")


def fun_dz(x, y):
    raise ValueError("\ud800 half of a pair, \udfff the other half")


def gradient_field(xs=None, ys=None):
    raise SystemExit("\udc9b2J")
