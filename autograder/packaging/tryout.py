"""Try the student bundle the way a student would: every command its README and its handouts show, in an unpacked
bundle whose stubs are replaced by the solutions, must work as shown.

The commands (`commands()`), each run with bash in the folder it belongs to:

- every line of the `sh`/`bash` code blocks of the bundle's README.md and of the handouts (assignments/*/README.md),
  and of their translations (README.zh-CN.md beside each), and every inline `make ...`, `pytest ...` or
  `.venv/bin/pytest ...` they show, at the bundle's root;
- REQUIRED, whatever the documents say: make, make grade, make test, make test with two assignments, make plots,
  make notebook and a handout's pytest line at the root, and make grade, make test and plain pytest inside an
  assignment's folder;
- last, `make clean`, which must leave every module of assignments/ as it was.

A line that starts with `pytest` runs with .venv activated (`source .venv/bin/activate`, as the README says); the
others run as they are. A line that names PYTHON3= (advice for an older python3) and the `source` line itself are
not run on their own. With the solutions in place every command must exit 0: every public test passes, `make
grade` prints full marks and `make plots` draws every figure. `make notebook` starts JupyterLab, which runs until
stopped: it works when the server says where it listens (it is then stopped, with everything it started).

`seed_venv` gives the bundle a .venv made from the running interpreter's environment (the same pins, no network),
so the release gate needs no package registry; tests/test_release.py lets the bundle's own Makefile build .venv
with pip instead, as an ordinary user with the oldest Python the bundle accepts.
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import shutil
import signal
import site
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from autograder.catalogue import CATALOGUE, TRANSLATIONS

FENCE = re.compile(r"^```(?:sh|bash)\s*$(.*?)^```\s*$", re.M | re.S)
INLINE = re.compile(r"`((?:make|pytest|\.venv/bin/pytest)(?: [^`]*)?)`")
COMMENT = re.compile(r"\s+#.*$")
TWO = f"{CATALOGUE[0].folder} {CATALOGUE[1].folder}"
INSIDE = f"assignments/{CATALOGUE[0].folder}"
REQUIRED = (("", "make"), ("", "make grade"), ("", "make test"), ("", f'make test ONLY="{TWO}"'), ("", "make plots"),
            ("", "make notebook"), ("", f"pytest {INSIDE}"), (INSIDE, "make grade"), (INSIDE, "make test"),
            (INSIDE, "pytest"))
SERVERS = re.compile(r"make notebook\b")  # commands that start a server, which runs until it is stopped
SERVING = re.compile(r"https?://(?:localhost|127\.0\.0\.1):\d+/lab")  # what JupyterLab prints once it listens
NOT_ALONE = ("PYTHON3=", "source ", ". .venv/bin/activate")
TIMEOUT = 900  # seconds for one command: the first make may build .venv with pip
SHOWN = 3000   # characters of a failing command's output quoted in its problem


@dataclass(frozen=True)
class Command:
    """One command line and the folder it runs in, relative to the bundle's root ("" for the root)."""

    where: str
    line: str

    def __str__(self) -> str:
        return f"`{self.line}`" + (f" in {self.where}/" if self.where else "")


def shown_commands(bundle: Path) -> list[str]:
    """The command lines the bundle's READMEs and handouts show, in every language, in order of appearance, each once."""
    names = ["README.md", *(f"README.{lang}.md" for lang in TRANSLATIONS)]
    documents = [Path(bundle, name) for name in names]
    documents += sorted(path for name in names for path in Path(bundle, "assignments").glob(f"*/{name}"))
    documents = [document for document in documents if document.is_file()]
    found: list[str] = []
    for document in documents:
        text = document.read_text(encoding="utf-8")
        lines = [COMMENT.sub("", raw).strip() for block in FENCE.findall(text) for raw in block.splitlines()]
        lines += [span.strip() for span in INLINE.findall(FENCE.sub("", text))]
        for line in lines:
            if line and not line.startswith("#") and line not in found:
                found.append(line)
    return found


def commands(bundle: Path) -> list[Command]:
    """Everything to run, in order: what the documents show, then REQUIRED, then `make clean`."""
    chosen = [Command("", line) for line in shown_commands(bundle)
              if line != "make clean" and not any(part in line for part in NOT_ALONE)]
    chosen += [Command(where, line) for where, line in REQUIRED if Command(where, line) not in chosen]
    return [*chosen, Command("", "make clean")]


def put_solutions(root: Path, bundle: Path) -> None:
    """Replace every stub of the unpacked `bundle` with the solution of `root`, keeping the stub's file mode."""
    for assignment in CATALOGUE:
        stub = assignment.stub(bundle)
        mode = stub.stat().st_mode & 0o777
        shutil.copyfile(assignment.solution(root), stub)
        stub.chmod(mode)


def seed_venv(bundle: Path) -> None:
    """Create `bundle`/.venv from this interpreter, reading its packages from this interpreter's environment.

    The bundle's Makefile then finds .venv/bin/python up to date and installs nothing; activating .venv puts its
    python and a pytest script first on PATH, as a pip-built .venv does.
    """
    venv = Path(bundle, ".venv")
    # --copies, as the bundle's Makefile does: bin/python is a file of the bundle's own, so touching it below marks
    # .venv built; a symlink would lead the touch to the system's interpreter (refused, or worse, done as root)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--copies", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = [p for p in site.getsitepackages() if os.path.isdir(p)]
    Path(purelib, "release-tryout.pth").write_text(
        "".join(f"import site; site.addsitedir({p!r})\n" for p in ours), encoding="utf-8")
    script = venv / "bin" / "pytest"
    script.write_text(f"#!{python}\nimport sys\nfrom pytest import console_main\nsys.exit(console_main())\n",
                      encoding="utf-8")
    script.chmod(0o755)
    os.utime(python)  # newer than requirements.txt: make does not rebuild .venv
    Path(venv, ".notebook").touch()  # JupyterLab is in this environment too: make notebook installs nothing


def environment(base: dict | None = None) -> dict:
    """The environment a command runs in: `base` (default os.environ) without what would leak this process's own
    Python or make into the bundle's."""
    drop = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "PYTHONSTARTUP"}
    kept = {key: value for key, value in (os.environ if base is None else base).items() if key not in drop}
    return {**kept, "BROWSER": "true"}  # make notebook opens no browser window on the machine that tries it


def run(bundle: Path, command: Command, prefix=(), env: dict | None = None) -> subprocess.CompletedProcess:
    """Run one command with bash in its folder of `bundle`; `prefix` runs it as another user (e.g. runuser)."""
    line = command.line
    if line.startswith("pytest"):
        line = f"source {shlex.quote(str(Path(bundle, '.venv', 'bin', 'activate')))} && {line}"
    if SERVERS.match(line):
        return serve([*prefix, "bash", "-c", line], Path(bundle, command.where), environment(env))
    return subprocess.run([*prefix, "bash", "-c", line], cwd=Path(bundle, command.where),
                          env=environment(env), capture_output=True, text=True, timeout=TIMEOUT)


def serve(args: list[str], cwd: Path, env: dict, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """Run a command that starts a server until it prints where it listens (SERVING), then stop it and everything
    it started. Exit code 0 when it got that far; else the command's own, or 124 when it said nothing in time."""
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()
    said, served, deadline = [], False, time.monotonic() + timeout
    try:
        while not served and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break
            said.append(line)
            served = bool(SERVING.search(line))
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
                proc.wait(timeout=20)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
    code = 0 if served else (proc.returncode if proc.returncode not in (None, -signal.SIGTERM) else 124)
    return subprocess.CompletedProcess(args, code, "".join(said), "" if served else "it never said where it listens")


def _lines(stream, into: queue.Queue) -> None:
    """Every line of `stream` into `into`, then None."""
    for line in stream:
        into.put(line)
    into.put(None)


def modules(bundle: Path) -> dict[str, bytes]:
    """Assignment folder -> the bytes of its module in `bundle` (the student's work), for the modules there."""
    return {a.folder: a.stub(bundle).read_bytes() for a in CATALOGUE if a.stub(bundle).is_file()}


def problem(bundle: Path, command: Command, proc: subprocess.CompletedProcess,
            work: dict[str, bytes] | None = None) -> str | None:
    """What is wrong with how `command` ended, with the solutions in place; None when it worked as shown.
    `work` is `modules(bundle)` from before the command: `make clean` must leave it as it was."""
    out = proc.stdout + proc.stderr
    if proc.returncode != 0:
        return f"{command} exited {proc.returncode}:\n{out[-SHOWN:]}"
    if re.match(r"make grade\b", command.line):
        totals = re.findall(r"^Total: ([\d.]+) / ([\d.]+)", proc.stdout, flags=re.M)
        if not totals or totals[-1][0] != totals[-1][1] or float(totals[-1][1]) == 0:
            return f"{command} did not give the solutions full marks:\n{out[-SHOWN:]}"
    if re.match(r"make plots\b", command.line):
        drew = re.findall(r"^drew (\d+) of (\d+) figures", proc.stdout, flags=re.M)
        if not drew or drew[-1][0] != drew[-1][1] or "skipped" in proc.stdout:
            return f"{command} did not draw every figure of the solutions:\n{out[-SHOWN:]}"
    if command.line == "make clean":
        after = modules(bundle)
        changed = sorted(folder for folder in (work or {}) if after.get(folder) != work[folder])
        if Path(bundle, ".venv").exists() or changed:
            return f"{command} left .venv behind, or changed the work in {', '.join(changed) or 'no assignment'}"
    return None


def try_bundle(bundle: Path, prefix=(), env: dict | None = None) -> tuple[list[str], list[str]]:
    """Run every command of `commands(bundle)` in order; return (what ran, each with its time; the problems)."""
    ran, problems = [], []
    for command in commands(bundle):
        began, work = time.perf_counter(), modules(bundle)
        proc = run(bundle, command, prefix, env)
        found = problem(bundle, command, proc, work)
        ran.append(f"{command} ({time.perf_counter() - began:.1f} s)")
        if found:
            problems.append(found)
    return ran, problems
