"""Hostile submission: Tries to reach the grader's loopback ports, and scores only if it gets through.

tests/test_hostile.py listens on a loopback port and adds it to PORTS, so a connection that is not denied
shows as points (fun_z returns the right values once it has connected).
"""

import socket

import numpy as np

PORTS = (22, 80, 443, 8000)


def _connected():
    reached = False
    for port in PORTS:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            reached = True
        except OSError:
            pass
    return reached


def fun_z(x, y):
    return np.sin(x**2 + y**2) if _connected() else 0.0 * x


def fun_dz(x, y):
    _connected()
    return 0.0, 0.0
