"""Hostile submission: Sends every input it is called with out of the sandbox, and scores only if a socket opens.

It tries UDP to a loopback port (tests/test_hostile.py listens there and replaces PORT), a raw socket, an IPv6
socket and a UNIX datagram socket to the system log. fun_z returns the right values once any socket was made.
"""

import socket

import numpy as np

PORT = 9


def _leak(*values):
    opened = False
    payload = repr(values).encode()[:1000]
    for family, kind, target in ((socket.AF_INET, socket.SOCK_DGRAM, ("127.0.0.1", PORT)),
                                 (socket.AF_INET6, socket.SOCK_DGRAM, ("::1", PORT)),
                                 (socket.AF_INET, socket.SOCK_RAW, None),
                                 (socket.AF_UNIX, socket.SOCK_DGRAM, "/dev/log")):
        try:
            sock = socket.socket(family, kind) if kind != socket.SOCK_RAW else socket.socket(family, kind, socket.IPPROTO_UDP)
        except OSError:
            continue
        opened = True
        try:
            if target is not None:
                sock.sendto(payload, target)
        except OSError:
            pass
        sock.close()
    return opened


def fun_z(x, y):
    return np.sin(x**2 + y**2) if _leak(x, y) else 0.0 * x


def fun_dz(x, y):
    _leak(x, y)
    return 0.0, 0.0
