"""Hostile submission: Tries to reach the network and the grader's loopback ports."""

import socket


def _connect():
    for port in (22, 80, 443, 8000):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        except OSError:
            pass


def fun_z(x, y):
    _connect()
    return 0.0


def fun_dz(x, y):
    _connect()
    return 0.0, 0.0
