"""Hostile submission: finds the sandbox's socket and drips one byte at a time into it, sleeping in between."""

import os
import stat
import time


def _drip():
    sockets = [fd for fd in range(3, 256) if _is_socket(fd)]
    for _ in range(200):
        for fd in sockets:
            try:
                os.write(fd, b"\x00")
            except OSError:
                pass
        time.sleep(0.3)


def _is_socket(fd):
    try:
        return stat.S_ISSOCK(os.fstat(fd).st_mode)
    except OSError:
        return False


def fun_z(x, y):
    _drip()
    return 0.0


def fun_dz(x, y):
    _drip()
    return 0.0, 0.0
