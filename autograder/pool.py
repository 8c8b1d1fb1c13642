"""Grade many students from one warm process: the engine behind `make grade-all`.

Starting Python, importing pytest and numpy, collecting every suite and starting a zygote cost about half a
second of CPU; here they are paid once per slot instead of once per student. Each slot keeps one zygote. Each
student is graded in a grader process forked from this one: it runs `work(job, zygote)` (which calls
`grading.grade` with the slot's zygote and writes that student's results), sends back one line, and exits.

What a student gets is unchanged. Grading state is fresh for every student (nothing of one student's run
survives into the next), and every test still runs in its own fresh, confined child of a zygote that never runs
submitted code. A grader process that fails, dies or runs past `timeout` costs that student a "grader error", and
its slot gets a new zygote (a message it left half-read must not reach the next student).
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import time
import traceback
from dataclasses import dataclass
from typing import Callable, Iterable

from autograder.sandbox import launch, protocol
from autograder.sandbox.client import Sandbox

MESSAGE_LIMIT = 1 << 16


@dataclass
class _Running:
    job: object
    slot: int
    pipe: int
    deadline: float
    data: bytes = b""


class Pool:
    """`slots` zygotes and at most `slots` grader processes at a time. Use as a context manager.

    The zygotes are started at once (or passed in, already started, to be owned by the pool from then on) and
    waited for only when the first job runs, so that they import numpy while the caller loads the suites.
    """

    def __init__(self, slots: int, timeout: float, zygotes: list[launch.Zygote] | None = None):
        self.timeout = timeout
        self.zygotes = zygotes or [launch.Zygote() for _ in range(max(1, slots))]

    def run(self, jobs: Iterable, work: Callable, done: Callable) -> None:
        """Call `work(job, zygote) -> (line, ok)` for each job in a forked grader process, and `done(job, line, ok)`
        here as each finishes. A KeyboardInterrupt kills the grader processes still running (they have written
        nothing) and propagates."""
        todo, running, free = list(jobs)[::-1], {}, list(range(len(self.zygotes)))[::-1]
        for zygote in self.zygotes:  # every grader process forked later knows that its zygote is ready
            Sandbox(zygote).wait_ready()
        try:
            while todo or running:
                while todo and free:
                    slot = free.pop()
                    pid, entry = self._fork(todo.pop(), slot, work)
                    running[pid] = entry
                for pid in self._finished(running):
                    entry = running.pop(pid)
                    line, ok = self._reap(pid, entry)
                    free.append(entry.slot)
                    done(entry.job, line, ok)
        except BaseException:
            for pid, entry in running.items():
                _kill(pid)
                os.waitpid(pid, 0)
                os.close(entry.pipe)
            raise

    def _fork(self, job, slot: int, work: Callable):
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the grader process: never returns
            os.close(read)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the pool's to handle
            protocol.die_with_parent()  # killed with the pool (its zygote dies too): no half-graded result
            if os.getppid() != parent:
                os._exit(1)
            code, message = 1, None
            try:
                line, ok = work(job, self.zygotes[slot])
                message, code = [str(line), bool(ok)], 0
            except BaseException:  # noqa: BLE001 - a grader fault: the traceback goes to stderr
                traceback.print_exc()
                message = ["grader error: " + traceback.format_exc().strip().splitlines()[-1][:300], False]
            finally:
                try:
                    os.write(write, json.dumps(message).encode()[:MESSAGE_LIMIT])
                    sys.stderr.flush()
                finally:
                    os._exit(code)
        os.close(write)
        return pid, _Running(job, slot, read, time.monotonic() + self.timeout)

    def _finished(self, running: dict) -> list[int]:
        """Grader processes whose pipe has closed (or that ran out of time), waiting at most until a deadline."""
        by_pipe = {entry.pipe: pid for pid, entry in running.items()}
        wait = max(0.0, min(entry.deadline for entry in running.values()) - time.monotonic())
        readable, _, _ = select.select(list(by_pipe), [], [], wait)
        finished = []
        for fd in readable:
            chunk = os.read(fd, MESSAGE_LIMIT)
            entry = running[by_pipe[fd]]
            entry.data += chunk
            if not chunk:
                finished.append(by_pipe[fd])
        now = time.monotonic()
        return finished + [pid for pid, entry in running.items() if entry.deadline <= now and pid not in finished]

    def _reap(self, pid: int, entry: _Running) -> tuple[str, bool]:
        os.close(entry.pipe)
        late = time.monotonic() >= entry.deadline and not entry.data
        if late:
            _kill(pid)
        _, status = os.waitpid(pid, 0)
        try:
            line, ok = json.loads(entry.data)
        except ValueError:
            line, ok = None, False
        clean = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        if not clean:  # the zygote may hold a half-finished exchange with the grader process: replace it
            self.zygotes[entry.slot].stop()
            self.zygotes[entry.slot] = _started()
        if late:
            return f"grader error: no result within {self.timeout:g} s", False
        if line is None:
            return f"grader error: the grading process ended ({_describe(status)}) without a result", False
        return line, ok

    def close(self) -> None:
        for zygote in self.zygotes:
            zygote.stop()
        self.zygotes = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _started() -> launch.Zygote:
    """A zygote that has said READY, so that every grader process forked later knows it is."""
    zygote = launch.Zygote()
    Sandbox(zygote).wait_ready()
    return zygote


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status)}"
