"""Hostile submission: Forks until the process limit stops it; the children sleep and some leave their group."""

import os
import time


def _bomb():
    for _ in range(500):
        pid = os.fork()
        if pid == 0:
            try:
                os.setsid()
            except OSError:
                pass
            time.sleep(600)
            os._exit(0)


def fun_z(x, y):
    _bomb()
    return 0.0


def fun_dz(x, y):
    _bomb()
    return 0.0, 0.0
