"""`make bench`: how long grading and `make plots` take, and what isolation costs per test.

It measures; it asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from autograder.catalogue import CATALOGUE
from autograder.sandbox.client import ENGINE_ROOT, Limits, Sandbox

SESSIONS = 200
PLOT_RUNS = 5  # drawing takes seconds: fewer timed runs than grading


def main(repeat: int = 9) -> int:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; each line: median (fastest) of {repeat} runs")
    print("bytecode caches on, as on a student's machine, after one warm-up run\n")
    a01 = _wall(["--only", "a01_gradients"], repeat)
    print(f"a01 full suite, one command end to end (interpreter, pytest, sandbox): {_ms(a01)}   (target < 500)")
    every = _wall([], repeat)
    print(f"all {len(CATALOGUE)} assignments, one submission, end to end:                  {_ms(every)}   (target < 2000)")
    empty = _wall(["--only", "a01_gradients", "--suites", "public"], repeat, submission=tempfile.mkdtemp())
    print(f"start-up alone (a01 public tests, nothing submitted: no child opened):  {_ms(empty)}")
    per_test = _overhead()
    print(f"isolation overhead per test (fork, confine, import, one call, teardown): {per_test * 1000:7.2f} ms   (target <= 10)")
    runs = min(repeat, PLOT_RUNS)
    with tempfile.TemporaryDirectory() as out:
        reference = _plots_wall(["--out", out], runs)
        print(f"make plots: all {len(CATALOGUE)} assignments' figures from the reference, end to end:   {_ms(reference)}"
              f"   (target < 5000; {runs} runs)")
        sandboxed = _plots_wall(["--submission", "solutions", "--out", out], runs)
        print(f"make plots SUBMISSION=solutions: the same figures, every call sandboxed:      {_ms(sandboxed)}"
              f"   ({runs} runs)")
    print("\nFor comparison: `otter run` needs about 3.1 s for a single-assignment suite of this size on this machine.")
    return 0


def _ms(times) -> str:
    return f"{statistics.median(times) * 1000:5.0f} ms ({min(times) * 1000:4.0f})"


def _wall(extra, repeat, submission="solutions") -> list[float]:
    """`python -m autograder grade` end to end, as `make grade` runs it."""
    return _timed([sys.executable, "-m", "autograder", "grade", "--submission", submission, "--quiet", *extra], repeat)


def _plots_wall(extra, repeat) -> list[float]:
    """`python -m autograder plots` end to end, as `make plots` runs it."""
    return _timed([sys.executable, "-m", "autograder", "plots", *extra], repeat)


def _timed(cmd, repeat) -> list[float]:
    """Wall times of `repeat` runs of `cmd`, after one warm-up run that fills the caches (bytecode, font list)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, cwd=ENGINE_ROOT, check=True, capture_output=True, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ENGINE_ROOT, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def _overhead() -> float:
    """Open a child, call a trivial function, close it; minus the same call made directly."""
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        path = os.path.join(tmp, "probe.py")
        with open(path, "w") as fh:
            fh.write("def f(x):\n    return x + 1.0\n")
        os.chmod(path, 0o644)
        with Sandbox() as sandbox:
            sandbox.open(path, "probe", Limits()).close()  # warm up: the zygote is running
            start = time.perf_counter()
            for _ in range(SESSIONS):
                session = sandbox.open(path, "probe", Limits())
                session.call("f", (1.0,), {})
                session.close()
            return (time.perf_counter() - start) / SESSIONS
