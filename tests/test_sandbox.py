"""What the sandbox promises, checked directly: who the child runs as, what it can read, reach and signal.

Each test writes a tiny module, opens a session on it the way a test fixture does, and inspects what
comes back. The last test grades as an ordinary user, the path a student's laptop takes.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

from autograder import outcomes
from autograder.sandbox import interpreter, landlock, launch, protection, seccomp
from autograder.sandbox.client import Limits, Sandbox
from autograder.sandbox.protocol import Op
from support import ROOT

NOBODY = 65534
PROBE = '''
import os, socket, signal


def identity():
    return os.getuid(), os.getgid(), tuple(os.getgroups())


def read(path):
    try:
        with open(path, "rb") as fh:
            return len(fh.read(10))
    except OSError as exc:
        return exc.__class__.__name__


def write(path):
    try:
        with open(path, "w") as fh:
            fh.write("x")
        return "written"
    except OSError as exc:
        return exc.__class__.__name__


def connect(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return "connected"
    except OSError as exc:
        return exc.__class__.__name__


def signal_pid(pid):
    try:
        os.kill(pid, 0)
        return "allowed"
    except OSError as exc:
        return exc.__class__.__name__


def run_program():
    return os.system("/bin/true")


def environment():
    return dict(os.environ)


COUNTER = [0]


def bump():
    COUNTER[0] += 1
    return COUNTER[0], os.getpid()


def scale(x, factor):
    x *= factor
    return x.sum()


def imports(names):
    import importlib
    failed = {}
    for name in names:
        try:
            importlib.import_module(name)
        except BaseException as exc:
            failed[name] = exc.__class__.__name__
    return failed


def read_through_search_path(relative):
    """Read `relative` from each folder of the import system's search path (they may be /proc/self/fd/N)."""
    import sys
    out = []
    for folder in sys.path:
        try:
            with open(os.path.join(folder, relative), "rb") as fh:
                out.append(len(fh.read(10)))
        except OSError as exc:
            out.append(exc.__class__.__name__)
    return out


def udp_send(port, payload):
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.sendto(payload.encode(), ("127.0.0.1", port))
        return "sent"
    except OSError as exc:
        return exc.__class__.__name__


def burn(seconds):
    """Use `seconds` of CPU time, however long that takes."""
    import time
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return seconds


def nap(seconds):
    import time
    time.sleep(seconds)
    return seconds


def make_socket(family, kind):
    try:
        socket.socket(family, kind).close()
        return "made"
    except OSError as exc:
        return exc.__class__.__name__
'''


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox() as box:
        yield box


@pytest.fixture(scope="module")
def probe_path():
    directory = tempfile.mkdtemp(prefix="ag-probe-")
    os.chmod(directory, 0o755)
    path = os.path.join(directory, "probe.py")
    with open(path, "w") as fh:
        fh.write(PROBE)
    os.chmod(path, 0o644)
    yield path
    shutil.rmtree(directory)


def call(sandbox, path, name, *args):
    session = sandbox.open(path, "probe", Limits())
    try:
        return session.call(name, args, {})
    finally:
        session.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root drops privileges")
def test_child_drops_to_nobody(sandbox, probe_path):
    assert call(sandbox, probe_path, "identity") == (NOBODY, NOBODY, ())


@pytest.mark.skipif(landlock.abi_version() == 0, reason="this kernel has no Landlock")
def test_child_reads_only_the_interpreter_and_the_submission(sandbox, probe_path):
    assert call(sandbox, probe_path, "read", probe_path) == 10
    assert call(sandbox, probe_path, "read", np.__file__) == 10  # what Python needs
    for secret in (str(ROOT / "solutions" / "a01_gradients" / "gradients.py"), "/etc/passwd", "/proc/1/environ"):
        assert call(sandbox, probe_path, "read", secret) == "PermissionError", secret


def test_child_writes_nowhere(sandbox, probe_path):
    for target in ("/tmp/ag-sandbox-write-probe", os.path.join(os.path.dirname(probe_path), "results.json")):
        assert call(sandbox, probe_path, "write", target) == "PermissionError"
        assert not os.path.exists(target)


@pytest.mark.skipif(landlock.abi_version() < 4, reason="Landlock restricts TCP from ABI 4")
def test_child_has_no_tcp(sandbox, probe_path):
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.2)
        assert call(sandbox, probe_path, "connect", server.getsockname()[1]) == "PermissionError"
        with pytest.raises(socket.timeout):
            server.accept()


def test_child_cannot_signal_the_grader(sandbox, probe_path):
    assert call(sandbox, probe_path, "signal_pid", os.getpid()) == "PermissionError"


@pytest.mark.skipif(not seccomp.available(), reason="no seccomp filter on this platform")
def test_child_has_no_udp(sandbox, probe_path):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.settimeout(0.3)
        port = listener.getsockname()[1]
        # the listener works: a datagram from here arrives
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as here:
            here.sendto(b"control", ("127.0.0.1", port))
        assert listener.recv(100) == b"control"
        assert call(sandbox, probe_path, "udp_send", port, "hidden input") == "PermissionError"
        with pytest.raises(socket.timeout):
            listener.recv(100)


@pytest.mark.skipif(not seccomp.available(), reason="no seccomp filter on this platform")
@pytest.mark.parametrize("family, kind", [("AF_INET6", "SOCK_DGRAM"), ("AF_INET6", "SOCK_STREAM"),
                                          ("AF_INET", "SOCK_RAW"), ("AF_PACKET", "SOCK_RAW"),
                                          ("AF_NETLINK", "SOCK_RAW"), ("AF_UNIX", "SOCK_DGRAM")])
def test_child_makes_no_socket(sandbox, probe_path, family, kind):
    """No family at all: the child's one channel is the socket pair it was forked with."""
    assert call(sandbox, probe_path, "make_socket", getattr(socket, family), getattr(socket, kind)) == "PermissionError"


@pytest.mark.skipif(landlock.abi_version() == 0, reason="this kernel has no Landlock")
def test_child_cannot_run_programs(sandbox, probe_path):
    assert call(sandbox, probe_path, "run_program") != 0


def test_child_environment_is_clean(sandbox, probe_path, monkeypatch):
    env = call(sandbox, probe_path, "environment")
    assert set(env) <= {"PATH", "LANG", "LC_ALL", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "PYTHONHASHSEED"}


def test_each_session_is_a_fresh_child(sandbox, probe_path):
    first, second = call(sandbox, probe_path, "bump"), call(sandbox, probe_path, "bump")
    assert first[0] == second[0] == 1  # module state does not carry over
    assert first[1] != second[1]


def test_the_boundary_is_one_way(sandbox, probe_path):
    """What the submission does to its arguments in place comes back as the call's own copies; the test's objects,
    and everything else the grader holds, are never written."""
    x = np.arange(3.0)
    session = sandbox.open(probe_path, "probe", Limits())
    try:
        call = session.request(Op.CALL, "scale", (x, 2.0), {})
    finally:
        session.close()
    assert call.value == 6.0
    assert call.args[0].tolist() == [0.0, 2.0, 4.0] and call.args[0] is not x
    assert x.tolist() == [0.0, 1.0, 2.0]


def test_missing_function_is_the_students_problem(sandbox, probe_path):
    with pytest.raises(outcomes.StudentRaised, match="does not define nothing_here"):
        call(sandbox, probe_path, "nothing_here")


@pytest.mark.skipif(os.geteuid() != 0 or not os.path.exists("/usr/bin/python3.11") or sys.version_info[:2] != (3, 11),
                    reason="needs root to switch user, and Debian's python3.11 that any user may run")
def test_grading_as_an_ordinary_user(tmp_path_factory):
    """No privilege drop as a student: limits and Landlock still hold, and grading still works."""
    base = tempfile.mkdtemp(prefix="ag-user-")
    try:
        os.chmod(base, 0o777)
        venv = os.path.join(base, "venv")
        subprocess.run(["/usr/bin/python3.11", "-m", "venv", "--without-pip", venv], check=True)
        site = os.path.join(venv, "lib", "python3.11", "site-packages")
        project_site = ROOT / ".venv" / "lib" / "python3.11" / "site-packages"
        with open(os.path.join(site, "project.pth"), "w") as fh:
            fh.write(f"{project_site}\n")
        submission = os.path.join(base, "submission")
        shutil.copytree(ROOT / "solutions", submission)
        shutil.copytree(ROOT / "tests" / "hostile" / "read_solutions" / "a01_gradients", os.path.join(base, "thief", "a01_gradients"))
        subprocess.run(["chmod", "-R", "a+rwX", base], check=True)
        as_user = ["runuser", "-u", "nobody", "--", os.path.join(venv, "bin", "python")]
        if subprocess.run([*as_user, "-c", f"import numpy, pytest; open({str(ROOT / 'autograder' / 'cli.py')!r})"]).returncode:
            pytest.skip("the ordinary user cannot read this checkout or its virtual environment")

        def grade(folder, *only):
            results = os.path.join(base, f"{os.path.basename(folder)}.json")
            proc = subprocess.run([*as_user, "-m", "autograder", "grade", *(f"--only={name}" for name in only),
                                   "--submission", folder, "--results", results, "--quiet"],
                                  cwd=ROOT, capture_output=True, text=True, timeout=300)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            return json.loads(open(results).read())

        good = grade(submission)  # every assignment: with more than one core, in grader processes forked per core
        assert good["score"] == good["max_score"] > 0 and len(good["tests"]) > 100
        thief = grade(os.path.join(base, "thief"), "a01_gradients")
        assert thief["score"] == 0  # Landlock kept the reference out of reach without root
        # without Landlock nothing would keep this user's child out of the hidden tests: refused, unless allowed
        degraded = {**os.environ, "GD_SANDBOX_DISABLE": "landlock"}
        refused = subprocess.run([*as_user, "-m", "autograder", "grade", "--submission", submission],
                                 cwd=ROOT, capture_output=True, text=True, timeout=300, env=degraded)
        assert refused.returncode == 2 and "refusing to grade" in refused.stdout, refused.stdout + refused.stderr
        allowed = subprocess.run([*as_user, "-m", "autograder", "grade", "--only", "a01_gradients", "--submission", submission],
                                 cwd=ROOT, capture_output=True, text=True, timeout=300, env={**degraded, "GD_ALLOW_INSECURE": "1"})
        assert allowed.returncode == 0 and "INSECURE" in allowed.stdout.splitlines()[1], allowed.stdout
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the submission to another user")
def test_a_private_tmpdir_does_not_lock_the_sandbox_out(tmp_path):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    os.chmod(tmp_path, 0o700)
    env = {**os.environ, "TMPDIR": str(private)}
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--only", "a01_gradients",
                           "--submission", str(ROOT / "solutions"), "--quiet"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    total = re.search(r"Total: (\d+) / (\d+)", proc.stdout)
    assert proc.returncode == 0 and total and total[1] == total[2] != "0", proc.stdout + proc.stderr


def test_a_sandbox_that_dies_at_start_is_reported_at_once():
    """A zygote that cannot start (here: killed before it is ready) is a grader error, not a minute's wait."""
    zygote = launch.Zygote()
    zygote.process.kill()
    zygote.process.wait()
    try:
        # the message says the process stopped; a timeout would say "did not answer within 60 s"
        with pytest.raises(RuntimeError, match=r"the sandbox process stopped \(exit code -9\)"):
            Sandbox(zygote).wait_ready()
    finally:
        zygote.stop()


# --------------------------------------------------------------------------- the standard library, whoever runs

# Modules whose import acts on the machine (opens a web browser, prints a poem): left out of the comparison.
IMPORT_ACTS = {"antigravity", "this"}


def test_every_standard_module_imports_in_the_sandbox_as_it_does_outside(sandbox, probe_path):
    """A submission may import any standard module: as root (the child runs as nobody, who cannot enter the private
    home that holds this interpreter) and as an ordinary user (Landlock must let the shared libraries of sqlite3,
    ssl, bz2, lzma, ... be read). The same modules fail inside as outside (those of other platforms)."""
    names = sorted(set(sys.stdlib_module_names) - IMPORT_ACTS) + ["numpy.polynomial", "numpy.ma", "numpy.testing"]
    script = ("import importlib, json, sys\nfailed = {}\nfor name in json.loads(sys.argv[1]):\n    try:\n"
              "        importlib.import_module(name)\n    except BaseException as exc:\n"
              "        failed[name] = exc.__class__.__name__\nprint(json.dumps(failed))\n")
    outside = subprocess.run([sys.executable, "-I", "-c", script, json.dumps(names)], capture_output=True, text=True,
                             cwd=tempfile.gettempdir(), timeout=120, env=launch.CLEAN_ENV)
    assert outside.returncode == 0, outside.stderr
    session = sandbox.open(probe_path, "probe", Limits(seconds=60))
    try:
        inside = session.call("imports", (names,), {})
    finally:
        session.close()
    assert len(names) > 200 and inside == json.loads(outside.stdout)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the interpreter's folders over")
def test_the_handed_over_folders_lead_nowhere_else(monkeypatch, probe_path):
    """The child reaches the interpreter's folders through descriptors; climbing out of them with `..` still meets
    the permissions of the private home above. Checked without Landlock, so that only those permissions act."""
    stdlib = os.path.dirname(os.__file__)
    above = list(reversed(interpreter._parents(os.path.realpath(stdlib))))  # "/" first
    private = next((p for p in above if not os.stat(p).st_mode & 0o001), None)  # the first one others cannot pass
    if private is None:
        pytest.skip("this interpreter lies where every user can read it: there is no private home to climb into")
    inside = sorted(os.listdir(private))[0]
    up = os.path.relpath(os.path.join(private, inside), stdlib)  # e.g. ../../../../.bashrc
    monkeypatch.setattr(protection, "SECRET_FOLDERS", ())  # in-process: never lock this checkout's secret folders
    monkeypatch.setenv("GD_SANDBOX_DISABLE", "landlock")
    monkeypatch.setenv("GD_ALLOW_INSECURE", "1")
    with Sandbox() as box:
        reads = call(box, probe_path, "read_through_search_path", up)
        assert call(box, probe_path, "imports", ["glob", "sqlite3", "statistics"]) == {}
    assert reads and all(r in ("PermissionError", "FileNotFoundError", "IsADirectoryError") for r in reads), reads


def test_without_proc_a_private_interpreter_is_refused_with_the_fix(monkeypatch):
    """Where the folders cannot be handed over (no /proc) and nobody cannot read them, grading as root would fail
    every import of a module the zygote did not load: it is refused, and the message says what to do."""
    from autograder.sandbox.capabilities import Capabilities

    base = Path(tempfile.mkdtemp(prefix="ag-home-"))
    try:
        base.chmod(0o755)
        home = base / "home"
        (home / "lib").mkdir(parents=True)
        home.chmod(0o700)
        monkeypatch.setattr(interpreter, "can_hand_over", lambda: False)
        monkeypatch.setattr(sys, "path", [str(home / "lib")])
        caps = dataclasses.replace(Capabilities.detect(), root=True)
        with pytest.raises(protection.Refused, match=r"cannot read .*home/lib.*chmod o\+rx"):
            protection.secure(caps, base / "engine")
        home.chmod(0o755)
        protection.secure(caps, base / "engine")  # readable by everyone: nothing to refuse
    finally:
        shutil.rmtree(base)


# --------------------------------------------------------------------------- time limits on a loaded machine


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity") or not os.path.exists("/proc/self/schedstat"),
                    reason="needs Linux's CPU affinity and schedstat")
@pytest.mark.parametrize("own_time", [True, False])
def test_a_call_is_not_cut_off_for_waiting_on_a_busy_machine(sandbox, probe_path, own_time):
    """A call that needs 0.4 s of CPU, sharing one CPU with five busy processes, takes about 2.4 s of wall time:
    within its 1 s limit of its own time, it passes. Counting wall time alone (own_time off), it times out. A sleep
    is still cut off at the limit. Each busy process has a session of its own, as the child has: the scheduler
    shares a CPU between sessions first (autogroups), so busy processes in one session would take only half of it."""
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True) for _ in range(5)]
    session = sandbox.open(probe_path, "probe", Limits(seconds=1.0))
    saved, sandbox.own_time = sandbox.own_time, own_time
    try:
        cpu = sorted(os.sched_getaffinity(0))[0]
        for pid in (session.pid, *(p.pid for p in busy)):
            os.sched_setaffinity(pid, {cpu})
        if own_time:
            assert session.call("burn", (0.4,), {}) == 0.4
            with pytest.raises(outcomes.TimedOut, match="took longer than 1 s"):
                session.call("nap", (5.0,), {})
        else:
            with pytest.raises(outcomes.TimedOut, match="took longer than 1 s"):
                session.call("burn", (0.4,), {})
    finally:
        sandbox.own_time = saved
        session.close()
        for p in busy:
            p.kill()
            p.wait()


def test_however_long_a_call_waits_for_a_cpu_it_ends_at_ten_times_its_limit(monkeypatch):
    from autograder.sandbox import clock

    waits = iter([0.0, 100.0, 100.0])  # at the start, then a process that has waited for a CPU all along
    monkeypatch.setattr(clock, "run_queue_wait", lambda pid: next(waits))
    now = [0.0]
    monkeypatch.setattr(clock.time, "monotonic", lambda: now[0])
    limit = clock.CallClock(pid=1, seconds=1.0)
    now[0] = 3.0  # past the wall limit, but starved: time is left
    assert limit.remaining() == pytest.approx(7.0)  # the cap (10 s) comes before the own-time limit (98 s)
    now[0] = 10.5
    assert limit.remaining() < 0
