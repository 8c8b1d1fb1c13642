"""The time limit of one call: its own time, not the time the machine kept it waiting for a CPU.

A limit on wall time alone costs a correct submission its points on a loaded machine: a class graded on every core,
or a laptop busy with other work, can keep a child waiting for a CPU longer than it runs. Linux counts that wait
for each process (/proc/<pid>/schedstat: time on a CPU, time waiting on a run queue), so a call's own time is its
wall time less that wait. A loop still ends once its own time reaches the limit, and a sleep as soon as the wall
time does (a sleeping process does not wait on a run queue). However loaded the machine, a call ends at
STARVED_FACTOR times its limit of wall time. Without schedstat (macOS, /proc switched off) the limit is wall time.

Standard library only.
"""

from __future__ import annotations

import os
import time

STARVED_FACTOR = 10


class CallClock:
    """`remaining()`: the seconds left of `seconds` for process `pid`, counted from now (0 or less: out of time)."""

    def __init__(self, pid: int, seconds: float, own_time: bool = True):
        self.pid, self.seconds = pid, seconds
        self.start = time.monotonic()
        self.waited_before = run_queue_wait(pid) if own_time else None

    def remaining(self) -> float:
        elapsed = time.monotonic() - self.start
        left = self.seconds - elapsed
        if left > 0 or self.waited_before is None:
            return left
        waited = run_queue_wait(self.pid)
        if waited is None:
            return left
        return min(left + (waited - self.waited_before), self.seconds * STARVED_FACTOR - elapsed)


def run_queue_wait(pid: int) -> float | None:
    """Seconds process `pid` has spent runnable but waiting for a CPU, or None where the system does not say."""
    try:
        fd = os.open(f"/proc/{pid}/schedstat", os.O_RDONLY)
    except OSError:
        return None
    try:
        fields = os.read(fd, 128).split()
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        return int(fields[1]) / 1e9
    except (IndexError, ValueError):
        return None
