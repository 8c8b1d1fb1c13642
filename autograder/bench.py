"""`make bench`: measure grading side by side, in one run on this machine, and write BENCHMARKS.md.

It measures; it asserts nothing. A rerun rewrites BENCHMARKS.md. Sections, in the order they run:
1. one full submission (every assignment of the catalogue): `make grade`'s command against `otter run` over its
   Otter zips, one per assignment;
2. isolation: one session (fork, confine, import, one call, close) against a bare fork, exit and wait;
3. `make grade-all` on a generated class (see classroom.py): submissions per second, peak memory of the whole
   process tree, scaling from 1 grader to all cores on a sample, and the same at the full size on all cores;
4. where the CPU of one submission goes: the grader process, the sandbox, the fork floor, and what that allows;
5. a student's first run: `make grade` on a fresh clone with no .venv, until the first score;
6. `make test` on that clone;
7. `make plots`.
`--skip` leaves sections out (for a quick look); BENCHMARKS.md then says which.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder import classroom
from autograder.catalogue import CATALOGUE, ROOT
from autograder.sandbox.client import Limits, Sandbox

SECTIONS = ("grade", "otter", "isolation", "class", "cpu", "first-run", "make-test", "plots", "notebooks")
SESSIONS = 200
CPU_RUNS = 5  # one submission's CPU split, median of this many
OTTER_RUNS = 3  # `otter run` over every zip takes about 4 s per zip
PLOT_RUNS = 5
TARGET_PER_SECOND = 5  # the target for grade-all on a 2-core machine


def main(repeat: int = 9, class_size: int = 1000, sample: int = 100, skip=(), out: str | None = None) -> int:
    unknown = set(skip) - set(SECTIONS)
    if unknown:
        print(f"error: --skip {','.join(sorted(unknown))}: the sections are {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    report = Report(skip)
    print(f"{report.machine()}; commit {_commit()}\n")
    if "grade" not in skip or "otter" not in skip:
        _one_submission(report, repeat, with_otter="otter" not in skip)
    if "isolation" not in skip:
        _isolation(report)
    if "class" not in skip:
        _class(report, class_size, sample)
    if "cpu" not in skip:
        report.section("Where the time goes", _cpu_split(os.cpu_count() or 1))
    if "first-run" not in skip or "make-test" not in skip:
        _fresh_clone(report, "first-run" not in skip, "make-test" not in skip)
    if "notebooks" not in skip:
        _notebooks(report, PLOT_RUNS)
    if "plots" not in skip:
        _plots(report, min(repeat, PLOT_RUNS))
    path = Path(out) if out else ROOT / "BENCHMARKS.md"
    path.write_text(report.markdown(path.read_text() if path.exists() else ""))
    print(f"\nwrote {path}")
    return 0


class Report:
    """The sections of BENCHMARKS.md, gathered as each measurement ends (and printed then, for progress).

    Each section says when its measurement ended and at which commit. Sections this run skipped are kept from the
    file as it was, so `make bench SKIP=...` refreshes some numbers without losing the others.
    """

    ORDER = ("One full submission", "Isolation per test", "A class with make grade-all", "Where the time goes",
             "A fresh clone", "Figures", "Notebooks")

    def __init__(self, skip):
        self.skip, self.sections = tuple(skip), {}

    def machine(self) -> str:
        return (f"{os.cpu_count()} cores ({_cpu_model()}), {_memory_gb():.1f} GB, Linux {platform.release()}, "
                f"Python {platform.python_version()}, numpy {_version('numpy')}, pytest {_version('pytest')}, "
                f"otter-grader {_otter_version()}")

    def section(self, title: str, lines: list[str]) -> None:
        ended = datetime.datetime.now(datetime.timezone.utc)
        stamp = f"_Measured {ended:%Y-%m-%d %H:%M} UTC at commit {_commit()}._"
        self.sections[title] = [stamp, "", *lines]
        print(f"## {title}")
        for line in lines:
            print(line)

    def markdown(self, previous: str = "") -> str:
        kept = {title: body for title, body in _sections(previous).items() if title not in self.sections}
        out = ["# Benchmarks", "",
               "Written by `make bench`; a rerun rewrites each section it measures (`SKIP=` keeps the others). "
               "Times are medians, with the spread (fastest to slowest) in brackets.", "",
               f"Machine: {self.machine()}.", ""]
        for title in self.ORDER:
            body = self.sections.get(title) or kept.get(title)
            if body:
                out += [f"## {title}", "", *body, ""]
        return "\n".join(out).rstrip("\n") + "\n"


def _sections(text: str) -> dict[str, list[str]]:
    """The '## ' sections of a BENCHMARKS.md: title -> lines (the blank line after the title dropped)."""
    sections, title = {}, None
    for line in text.splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
            sections[title] = []
        elif title is not None:
            sections[title].append(line)
    old = re.search(r"Written by `make bench` on (\S+ \S+) UTC", text)  # the whole-file stamp of older reports
    commit = re.search(r"commit ([0-9a-f]+(?: with uncommitted changes)?)", text)
    out = {}
    for title, lines in sections.items():
        while lines and not lines[0].strip():
            lines = lines[1:]
        while lines and not lines[-1].strip():
            lines = lines[:-1]
        if lines and not lines[0].startswith("_Measured") and old and commit:
            lines = [f"_Measured {old.group(1)} UTC at commit {commit.group(1)}._", "", *lines]
        out[title] = lines
    return out


# --------------------------------------------------------------------------- 1. one submission


def _one_submission(report: Report, repeat: int, with_otter: bool) -> None:
    grade = _timed([sys.executable, "-m", "autograder", "grade", "--submission", "solutions", "--quiet"], repeat)
    a01 = _timed([sys.executable, "-m", "autograder", "grade", "--submission", "solutions", "--quiet",
                  "--only", CATALOGUE[0].folder], repeat)
    lines = [f"- `make grade`, all {len(CATALOGUE)} assignments (the reference solutions), end to end: {_s(grade)} "
             f"({repeat} runs)",
             f"- `make grade ONLY={CATALOGUE[0].folder}`: {_s(a01)}"]
    if with_otter:
        per_zip, totals = _otter(repeat=OTTER_RUNS)
        ratio = statistics.median(totals) / statistics.median(grade)
        lines += [f"- `otter run` over the {len(CATALOGUE)} Otter zips, one after another, same submission: "
                  f"{_s(totals)} ({OTTER_RUNS} runs)",
                  f"- one zip (one assignment, as Gradescope runs it in its container): {_s(per_zip)}",
                  f"- ratio: `make grade` is {ratio:.1f} times faster than `otter run` (target: at least 20)"]
    report.section("One full submission", lines)


def _otter(repeat: int) -> tuple[list[float], list[float]]:
    from autograder.packaging import otter

    with tempfile.TemporaryDirectory() as tmp:
        zips = otter.build(Path(tmp, "zips"))
        per_zip, totals = [], []
        for _ in range(repeat):
            total = 0.0
            for zip_path in zips:
                assignment = next(a for a in CATALOGUE if a.folder == zip_path.stem)
                start = time.perf_counter()
                otter.grade(zip_path, assignment.solution())
                per_zip.append(time.perf_counter() - start)
                total += per_zip[-1]
            totals.append(total)
    return per_zip, totals


# --------------------------------------------------------------------------- 2. isolation


def _isolation(report: Report) -> None:
    sessions = [_session_time() for _ in range(5)]
    floor = [_fork_floor() for _ in range(5)]
    gap = (statistics.median(sessions) - statistics.median(floor)) * 1000
    report.section("Isolation per test", [
        f"- one test's session (fork ahead, confine, import a two-line module, one call, close), grader's view: "
        f"{_ms(sessions)} ({SESSIONS} sessions per run, 5 runs)",
        f"- fork floor (bare fork, exit and wait of a Python process with numpy imported, measured in this run): "
        f"{_ms(floor)}",
        f"- overhead above the floor: {gap:.2f} ms (target: within 2 ms)"])


def _session_time() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        path = os.path.join(tmp, "probe.py")
        with open(path, "w") as fh:
            fh.write("def f(x):\n    return x + 1.0\n")
        os.chmod(path, 0o644)
        with Sandbox() as sandbox:
            sandbox.open(path, "probe", Limits()).close()  # the zygote is running
            start = time.perf_counter()
            for _ in range(SESSIONS):
                session = sandbox.open(path, "probe", Limits())
                session.call("f", (1.0,), {})
                session.close()
            return (time.perf_counter() - start) / SESSIONS


def _fork_floor(count: int = SESSIONS) -> float:
    import numpy  # noqa: F401 - the floor is that of a process with numpy loaded, like the zygote

    start = time.perf_counter()
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
    return (time.perf_counter() - start) / count


# --------------------------------------------------------------------------- 3. a class


def _class(report: Report, size: int, sample: int) -> None:
    cores = os.cpu_count() or 1
    lines = [f"A generated class (classroom.py): {', '.join(f'{share:.0%} {kind}' for kind, share in classroom.MIX)}; "
             f"every student submits all {len(CATALOGUE)} assignments. Each run grades into an empty OUT.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        klass = Path(tmp, "class")
        what = classroom.generate(klass, size)
        first = sorted(what)[:sample]
        small = Path(tmp, "sample")
        small.mkdir()
        for name in first:
            shutil.copytree(klass / name, small / name)
        for jobs in sorted({1, cores}):
            run = _grade_all(small, Path(tmp, f"out-sample-{jobs}"), jobs)
            lines.append(f"- {len(first)} students, {jobs} grader{'s' if jobs > 1 else ''}: {run}")
        run = _grade_all(klass, Path(tmp, "out-all"), cores)
        lines.append(f"- **{size} students, {cores} graders: {run}** (target: at least 5 per second; the grader "
                     "under 200 MB)")
    report.section("A class with make grade-all", lines)


def _cpu_split(cores: int) -> list[str]:
    """CPU seconds of one correct submission graded as grade-all grades it (a forked grader process, a warm zygote),
    split between the grader process and the sandbox (the zygote and one child per test); medians of CPU_RUNS."""
    from autograder import grading

    folders = grading.select(None)
    grading.warm(folders)
    lines, reference_grader = [], None
    start_up = statistics.median(_children_cpu(lambda workers: None) for _ in range(3))  # a zygote that grades nothing
    for label, submission in (("the reference solutions", ROOT / "solutions"), ("the stubs", ROOT / "assignments")):
        totals, graders = [], []
        for _ in range(CPU_RUNS):
            out = []
            totals.append(_children_cpu(lambda workers: workers.run(
                [submission], lambda job, zygote: _graded_cpu(job, zygote, folders),
                lambda job, line, ok: out.append(line))) - start_up)  # grade-all starts a zygote once per core
            tests, grader_cpu = (float(x) for x in out[0].split())
            graders.append(grader_cpu)
        total, grader_cpu = statistics.median(totals), statistics.median(graders)
        reference_grader = grader_cpu if reference_grader is None else reference_grader  # the first: the solutions
        sandbox = total - grader_cpu
        lines.append(f"- {label}, {tests:.0f} tests, median of {CPU_RUNS} runs: {total:.2f} s of CPU; the grader process "
                     f"(pytest, the checks, the reference) {grader_cpu:.2f} s, the sandbox (zygote and one child per test) "
                     f"{sandbox:.2f} s, {sandbox / tests * 1000:.1f} ms per test; at this cost {cores} cores grade at most "
                     f"{cores / total:.1f} such submissions per second")
    floor = statistics.median(_fork_floor_cpu() for _ in range(3))
    budget, least = cores / TARGET_PER_SECOND, reference_grader + floor * tests
    lines += [f"- of each test's sandbox share, the fork floor alone (fork, exit, wait of a process with numpy "
              f"imported) is {floor * 1000:.1f} ms of CPU: {floor * tests:.2f} s per submission of {tests:.0f} tests",
              f"- {TARGET_PER_SECOND} submissions per second on {cores} cores leaves {budget:.2f} s of CPU per "
              f"submission for everything: the grader process, the fork floor of every test, and the submitted code",
              f"- with a sandbox that cost no more than the fork floor, the reference solutions would still take "
              f"{least:.2f} s of CPU (the grader process and the floor alone): {cores} cores would grade at most "
              f"{cores / least:.1f} such submissions per second"]
    return lines


def _children_cpu(use) -> float:
    """CPU of the processes a one-slot pool starts (its zygote and everything under it) while `use(pool)` runs."""
    from autograder import pool

    before = os.times()
    with pool.Pool(1, timeout=600) as workers:
        use(workers)
    after = os.times()  # the pool has stopped and reaped its zygote, whose CPU includes its children's
    return (after.children_user + after.children_system) - (before.children_user + before.children_system)


def _graded_cpu(submission: Path, zygote, folders) -> tuple[str, bool]:
    from autograder import grading

    start = os.times()
    report = grading.grade(str(submission), folders, zygote=zygote)
    end = os.times()
    return f"{len(report.tests)} {end.user + end.system - start.user - start.system}", True


def _fork_floor_cpu(count: int = SESSIONS) -> float:
    """CPU (both sides) of a bare fork, exit and wait, per fork."""
    before = os.times()
    _fork_floor(count)
    after = os.times()
    spent = (after.user + after.system + after.children_user + after.children_system
             - before.user - before.system - before.children_user - before.children_system)
    return spent / count


def _grade_all(klass: Path, out: Path, jobs: int) -> str:
    cmd = [sys.executable, "-m", "autograder", "grade-all", str(klass), str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with classroom.TreeMemory(proc.pid) as memory:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if len(lines) % 100 == 0:
                print(f"  {line.strip()}", flush=True)
        proc.wait()
    wall = time.perf_counter() - start
    count = sum(1 for p in klass.iterdir() if p.is_dir())
    summary = lines[-1].strip().split(": ", 1)[-1] if lines else ""
    if proc.returncode != 0:
        summary += f" (exit code {proc.returncode})"
    return (f"{wall:.1f} s, {count / wall:.2f} submissions per second; peak memory (PSS) of the grader "
            f"{memory.peak_grader_pss / 2**20:.0f} MB (the warm process, its grader processes and zygotes), of the "
            f"whole process tree {memory.peak_pss / 2**20:.0f} MB (with the sandboxed tests, each within its own "
            f"limit; {memory.peak_rss / 2**20:.0f} MB summed RSS; up to {memory.peak_processes} processes). "
            f"grade-all said: \"{summary}\"")


# --------------------------------------------------------------------------- 4, 5. a fresh clone


def _fresh_clone(report: Report, first_run: bool, make_test: bool) -> None:
    lines = [f"A `git clone` of commit {_commit()} into a temporary folder; pip's cache as this machine has it "
             f"({'warm' if _pip_cache_warm() else 'empty'}).", ""]
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)  # as a clone's folder usually is: as root, the sandbox's user reads .venv through it
        clone = Path(tmp, "course")
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE"))}
        env["PYTHON3"] = os.environ.get("PYTHON3", shutil.which("python3") or "python3")
        if first_run:
            seconds, ok = _wall(["make", "grade"], clone, env)
            lines.append(f"- a student's first `make grade` (builds .venv, then grades the stubs): {seconds:.1f} s"
                         + ("" if ok else " (it failed)"))
            seconds, ok = _wall(["make", "grade"], clone, env)
            lines.append(f"- the second `make grade` on that clone: {seconds:.2f} s")
        if make_test:
            seconds, ok = _wall(["make", "test"], clone, env)
            lines.append(f"- `make test` on that clone (builds .otter-venv too if need be): {seconds / 60:.1f} min"
                         + ("" if ok else " (it failed)"))
    report.section("A fresh clone", lines)


def _wall(cmd, cwd: Path, env) -> tuple[float, bool]:
    print(f"  running {' '.join(cmd)} in a fresh clone ...", flush=True)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, proc.returncode == 0


# --------------------------------------------------------------------------- 6. plots


def _plots(report: Report, runs: int) -> None:
    with tempfile.TemporaryDirectory() as out:
        reference = _timed([sys.executable, "-m", "autograder", "plots", "--out", out], runs)
        sandboxed = _timed([sys.executable, "-m", "autograder", "plots", "--submission", "solutions", "--out", out], runs)
    report.section("Figures", [f"- `make plots` (the reference draws every figure): {_s(reference)} ({runs} runs)",
                               f"- `make plots SUBMISSION=solutions` (every call sandboxed): {_s(sandboxed)}"])


# --------------------------------------------------------------------------- 7. notebooks


def _notebooks(report: Report, runs: int) -> None:
    """check() in a running kernel against `make grade ONLY=a01_gradients`, in a student's copy with the solutions
    in place; and every notebook run top to bottom there, one after another, as make test runs them."""
    from jupyter_client.manager import start_new_kernel

    from autograder.packaging import notebooks, student

    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp, "course")
        student.build(ROOT, course)
        for assignment in CATALOGUE:
            shutil.copyfile(assignment.solution(), assignment.stub(course))
        cmd = [sys.executable, "-m", "autograder", "grade", "--only", "a01_gradients", "--quiet"]
        grade = _timed(cmd, runs, cwd=course)
        manager, client = start_new_kernel(kernel_name="python3", cwd=str(course / "assignments" / "a01_gradients"))
        try:
            quiet = dict(timeout=300, output_hook=lambda message: None)
            client.execute_interactive(f"import sys; sys.path.insert(0, {str(course)!r})\n"
                                       "from autograder.notebook import start\n"
                                       f"check, show = start('a01_gradients', {str(course)!r})", **quiet)
            client.execute_interactive("check()", **quiet)  # warm-up, as _timed's
            checks = []
            for _ in range(runs):
                start = time.perf_counter()
                client.execute_interactive("check()", **quiet)
                checks.append(time.perf_counter() - start)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        start = time.perf_counter()
        for assignment in CATALOGUE:
            subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--stdout",
                            str(notebooks.notebook_path(assignment, root=course))], cwd=course, check=True,
                           capture_output=True)
        whole = time.perf_counter() - start
    report.section("Notebooks", [
        f"- `check()` of a01 in a running kernel (a student's copy, the solutions in place): {_s(checks)} ({runs} runs)",
        f"- `make grade ONLY=a01_gradients` in the same copy: {_s(grade)}",
        f"- every assignment's notebook (English) run top to bottom, one after another (each in a new kernel): "
        f"{whole:.1f} s"])


# --------------------------------------------------------------------------- helpers


def _timed(cmd, repeat: int, cwd: Path = ROOT) -> list[float]:
    """Wall times of `repeat` runs of `cmd`, after one warm-up run that fills the caches (bytecode, font list)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def _s(times) -> str:
    return f"{statistics.median(times):.2f} s [{min(times):.2f}–{max(times):.2f}]"


def _ms(times) -> str:
    return f"{statistics.median(times) * 1000:.2f} ms [{min(times) * 1000:.2f}–{max(times) * 1000:.2f}]"


def _commit() -> str:
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    # BENCHMARKS.md itself is not code: a rerun of some sections starts from the file an earlier run rewrote
    changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)BENCHMARKS.md")
    return head + (" with uncommitted changes" if changed else "")


def _version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _otter_version() -> str:
    python = ROOT / ".otter-venv" / "bin" / "python"
    if not python.exists():
        return "not installed"
    proc = subprocess.run([str(python), "-c", "from importlib.metadata import version; print(version('otter-grader'))"],
                          capture_output=True, text=True)
    return proc.stdout.strip() or "unknown"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            return next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or "unknown CPU"


def _memory_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        return 0.0


def _pip_cache_warm() -> bool:
    cache = Path(os.environ.get("PIP_CACHE_DIR", Path.home() / ".cache" / "pip"))
    return cache.is_dir() and any(cache.iterdir())
