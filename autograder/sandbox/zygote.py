"""The zygote: a clean interpreter that pre-imports what submissions may use, then forks one child per test.

It is started by `launch.Zygote` as ``python -I -c BOOT`` with a clean environment in an empty directory,
and it never runs submitted code itself. It keeps one spare child forked ahead of time, so that a test does
not wait for a fork. Its control messages are in `protocol`. "close" kills the child's process group and every
orphan left behind (the zygote is a child subreaper).
"""

from __future__ import annotations

import gc
import importlib
import os
import pkgutil
import signal
import socket

from autograder.sandbox import protocol
from autograder.sandbox.protocol import Op

# Modules that submissions and drivers commonly use, imported once here so that no child pays for them. Any other
# module imports too, in the child (interpreter.py keeps the interpreter's folders within reach of `nobody`).
PREIMPORT = (
    "abc", "bisect", "cmath", "collections", "collections.abc", "contextlib", "copy", "dataclasses", "decimal",
    "encodings.idna", "enum", "fractions", "functools", "heapq", "importlib.util", "itertools", "math", "numbers", "operator",
    "random", "re", "statistics", "string", "time", "traceback", "types", "typing", "warnings",
    "numpy", "numpy.random", "numpy.linalg", "numpy.fft",
)


def main(ctrl_fd: int, disabled: str = "-") -> None:
    from autograder.sandbox.capabilities import Capabilities

    caps = Capabilities.detect(Capabilities.from_args(disabled))
    parent = os.getppid()
    if caps.prctl:
        protocol.die_with_parent()
    if os.getppid() != parent:  # the grader was gone before we could ask to die with it
        return
    for name in PREIMPORT:
        importlib.import_module(name)
    import autograder.drivers
    from autograder.sandbox import child

    for info in pkgutil.iter_modules(autograder.drivers.__path__):
        importlib.import_module(f"autograder.drivers.{info.name}")
    if caps.prctl:
        protocol.become_subreaper()
    ctrl = socket.socket(fileno=ctrl_fd)
    context = child.Context.probe(caps)
    if caps.seccomp:  # installed once here, inherited by every child: the zygote itself makes no socket either
        from autograder.sandbox import seccomp

        seccomp.install(seccomp.program())
    gc.freeze()  # what is imported now is shared with every child: the collector must not touch (and copy) it
    try:
        protocol.send_control(ctrl, {"op": Op.READY, "landlock": caps.landlock_abi, "root": caps.root})
    except OSError:  # the grader has gone (stopped by Ctrl-C while we started): there is nothing to serve
        os._exit(0)
    spare = Spare(ctrl, context)
    status_pipes: dict[int, int] = {}  # pid -> the write end of that session's exit-status pipe
    while True:
        try:
            request, fds = protocol.recv_control(ctrl)
        except OSError:
            break
        if request.get("op") == Op.OPEN:
            status_pipes[spare.pid] = spare.hand_over(ctrl, request, fds[0])
            spare = Spare(ctrl, context, status_pipes.values())  # forked while the grader runs the test that just started
        elif request.get("op") == Op.CLOSE:
            pid = int(request["pid"])
            status = _close(pid, keep=spare.pid, proc=caps.proc)
            if pid in status_pipes:
                protocol.send_status(status_pipes.pop(pid), status)
        else:  # EXIT, or the grader has gone
            break
    _sweep(proc=caps.proc)
    os._exit(0)  # nothing to flush or finalize: skip interpreter teardown


class Spare:
    """A child forked ahead of time. It waits, unconfined but running nothing, for the request of the next test."""

    def __init__(self, ctrl, context, status_pipes=()):
        from autograder.sandbox import child

        self.parent_end, child_end = socket.socketpair()
        self.pid = os.fork()
        if self.pid == 0:  # the child never returns from await_request()
            ctrl.close()
            self.parent_end.close()
            for fd in status_pipes:  # other sessions' status pipes are the zygote's alone
                os.close(fd)
            child.await_request(child_end, context)
        child_end.close()

    def hand_over(self, ctrl, request: dict, out_fd: int) -> int:
        """Give the spare its request and output file; give the grader the other end of the spare's socket and the
        read end of a pipe that will carry the spare's exit status. Returns that pipe's write end (kept here)."""
        from autograder.sandbox import wire

        socket.send_fds(self.parent_end, [wire.pack(request)], [out_fd])
        os.close(out_fd)
        status_read, status_write = os.pipe()
        protocol.send_control(ctrl, {"op": Op.OPENED, "pid": self.pid}, [self.parent_end.fileno(), status_read])
        self.parent_end.close()
        os.close(status_read)
        return status_write


def _close(pid: int, keep: int, proc: bool = True) -> dict:
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            kill()
        except OSError:
            pass
    try:
        _, status, usage = os.wait4(pid, 0)
    except ChildProcessError:
        return {"pid": pid, "status": {"exit": None}, "cpu": 0.0}
    _sweep(keep, proc=proc)
    if os.WIFSIGNALED(status):
        result = {"signal": os.WTERMSIG(status)}
    else:
        result = {"exit": os.WEXITSTATUS(status)}
    return {"pid": pid, "status": result, "cpu": usage.ru_utime + usage.ru_stime}


def _sweep(keep: int | None = None, rounds: int = 100, proc: bool = True) -> None:
    """Kill and reap every child but `keep`: orphans of a finished session are re-parented to us.

    Without /proc the zygote cannot list its children; it reaps those that already died.
    """
    for _ in range(rounds if proc else 0):
        pids = [pid for pid in _children() if pid != keep]
        if not pids:
            break
        for pid in pids:
            for target in (-pid, pid):
                try:
                    os.kill(target, signal.SIGKILL)
                except OSError:
                    pass
        for pid in pids:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
    while True:  # reap whatever already died
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                break
        except ChildProcessError:
            break


def _children() -> list[int]:
    try:
        with open(f"/proc/self/task/{os.getpid()}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []
