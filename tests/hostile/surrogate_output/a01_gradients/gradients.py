"""Hostile submission: prints bytes that are not UTF-8 (0xff 0xfe, a surrogate as CESU bytes, an 8-bit CSI) and a
lone surrogate, then returns wrong values, so that public tests show what it printed."""

import os
import sys


def _print_bad_bytes():
    sys.stdout.flush()
    os.write(1, b"bytes that are not UTF-8: \xff\xfe \xed\xb2\x80 \x9b2J\n")
    print("a lone surrogate: \udc80", file=open(1, "w", encoding="utf-8", errors="surrogatepass", closefd=False), flush=True)


def fun_z(x, y):
    _print_bad_bytes()
    return 0.0 * x


def fun_dz(x, y):
    _print_bad_bytes()
    return 0.0 * x, 0.0 * y


def gradient_field(xs=None, ys=None):
    _print_bad_bytes()
    raise ValueError("wrong on purpose")
