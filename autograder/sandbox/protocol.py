"""What the grader (client), the zygote and each child agree on: limits, message names, error kinds, helpers.

Standard library only: the zygote imports it before numpy. Control messages are JSON datagrams on a unix socket,
with file descriptors passed alongside:

    grader -> zygote  {"op": OPEN, "module": PATH, "name": MODULE, "limits": {...}}  + the child's output file
    zygote -> grader  {"op": OPENED, "pid": PID}     + the grader's end of a session, and a status pipe's read end
    grader -> zygote  {"op": CLOSE, "pid": PID}: kill the child and its group, reap them
    grader -> zygote  {"op": EXIT}: kill what is left and stop
    zygote -> grader  {"op": READY, "landlock": ABI, "root": BOOL}, once, when it can fork

Each session's exit status comes back on that session's own pipe, as CPython's forkserver hands back each child's
status on its own pipe: after CLOSE the zygote writes {"pid": PID, "status": {"exit": N} | {"signal": N},
"cpu": SECONDS} and closes it. Nothing is ever buffered out of order on the shared control socket.

A session (one child, one test) then speaks `wire`: requests {"op": CALL | RUN, ...}, answers {"ok": true, ...} or
{"ok": false, "error": {"kind": ErrorKind, ...}}.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import socket
import sys
from dataclasses import asdict, dataclass, replace
from enum import StrEnum

CONTROL_LIMIT = 1 << 16
PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


class Op(StrEnum):
    OPEN = "open"
    OPENED = "opened"
    CLOSE = "close"
    EXIT = "exit"
    READY = "ready"
    CALL = "call"   # a session request: call a name of the module
    RUN = "run"     # a session request: run a driver with the module


class ErrorKind(StrEnum):
    """Why a child answered {"ok": false}; the client turns each into its outcome."""

    NOT_IMPLEMENTED = "not_implemented"
    MISSING = "missing"      # the module does not define the name
    MEMORY = "memory"
    OUTPUT = "output"        # the printed-output limit
    EXIT = "exit"            # sys.exit
    GRADER = "grader"        # the sandbox itself failed before the submission ran
    ERROR = "error"          # anything else the submission raised


@dataclass(frozen=True)
class Limits:
    """Per-test limits. `seconds` is the wall time of one call; importing the module may take `import_seconds`."""

    seconds: float = 1.0
    import_seconds: float = 5.0
    memory_mb: int = 256
    output_kb: int = 64
    processes: int = 32

    @property
    def cpu_seconds(self) -> int:
        return int(self.seconds + self.import_seconds) + 2

    def override(self, **changes) -> "Limits":
        unknown = set(changes) - set(asdict(self))
        if unknown:
            raise TypeError(f"unknown limit(s) {sorted(unknown)}; known: {sorted(asdict(self))}")
        return replace(self, **changes)

    def to_request(self) -> dict:
        return {**asdict(self), "cpu_seconds": self.cpu_seconds}


def send_control(sock: socket.socket, message: dict, fds=()) -> None:
    data = json.dumps(message).encode()
    if fds:
        socket.send_fds(sock, [data], list(fds))
    else:
        sock.send(data)


def recv_control(sock: socket.socket, max_fds: int = 1) -> tuple[dict, list[int]]:
    """The next control message and the descriptors that came with it; ({}, []) when the peer has gone."""
    data, fds, _, _ = socket.recv_fds(sock, CONTROL_LIMIT, max_fds)
    return (json.loads(data) if data else {}), fds


def send_status(fd: int, status: dict) -> None:
    """Write a session's exit status on its pipe and close it; a grader that stopped listening is no error."""
    try:
        os.write(fd, json.dumps(status).encode() + b"\n")
    except OSError:
        pass
    finally:
        os.close(fd)


def recv_status(fd: int, timeout: float) -> dict:
    """The exit status the zygote writes on a session's pipe, or {} if none came within `timeout` seconds."""
    import select

    data = b""
    deadline = _now() + timeout
    while not data.endswith(b"\n"):  # one line; other processes may still hold the pipe's write end
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - _now()))
        chunk = os.read(fd, CONTROL_LIMIT) if ready else b""
        if not chunk:
            break
        data += chunk
    try:
        return json.loads(data) if data.endswith(b"\n") else {}
    except ValueError:
        return {}


def _now() -> float:
    import time

    return time.monotonic()


def die_with_parent() -> None:
    """Linux only: be killed when the process that started us dies, however it dies."""
    if sys.platform.startswith("linux"):
        libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def become_subreaper() -> None:
    """Linux only: orphans of our descendants are re-parented to us, so we can kill and reap them."""
    if sys.platform.startswith("linux"):
        libc().prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


@functools.cache
def libc():
    """The C library, loaded once: the zygote loads it, so a child does not pay for dlopen on every test."""
    import ctypes

    return ctypes.CDLL(None, use_errno=True)
