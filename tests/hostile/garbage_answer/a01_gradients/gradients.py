"""Hostile submission: writes well-framed but malformed answers into the sandbox's socket."""

import json
import os
import stat
import struct


def _send(header):
    data = json.dumps(header).encode()
    frame = struct.pack(">II", len(data), 0) + data
    for fd in range(3, 256):
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.write(fd, frame)
        except OSError:
            pass


def fun_z(x, y):
    _send({"ok": True})  # no value at all
    return 0.0


def fun_dz(x, y):
    _send({"ok": False, "error": 5, "where": 7})  # an error that is not an error
    return 0.0, 0.0
