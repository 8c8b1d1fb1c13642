"""Degraded platforms, proven on this one: every sandbox capability can be switched off (GD_SANDBOX_DISABLE), each
switch really removes what it names, grading still keeps its contract with all of them off, and a copy holding
secrets refuses to grade where the submission could read them.

Runs that lose a protection work on a copy of the engine, so that the checkout's own file modes never change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from autograder.catalogue import CATALOGUE
from autograder.sandbox import capabilities, protection
from autograder.sandbox.capabilities import Capabilities
from autograder.sandbox.client import Limits, Sandbox
from support import ROOT, bank_source
from test_hostile import A01, EXPECT, HOSTILE

# Hostile cases that need a protection this mode switches off (memory and process limits, another user, Landlock):
# without them they would hog this machine, kill its processes or read the solution, which is what the mode allows.
NEEDS_PROTECTION = {"memory_hog", "fork_bomb", "kill_parent", "network", "network_udp", "read_solutions", "fake_results"}
ALL_OFF = {"GD_SANDBOX_DISABLE": "all", "GD_ALLOW_INSECURE": "1"}


@pytest.fixture(scope="module")
def engine_copy(tmp_path_factory) -> Path:
    """The engine, solutions and assignments, copied: a run without Landlock may change the secret folders' modes."""
    copy = tmp_path_factory.mktemp("engine")
    for folder in ("autograder", "solutions", "assignments"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def grade(engine: Path, submission: Path, env: dict, *extra) -> tuple[subprocess.CompletedProcess, dict | None]:
    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp, "results.json")
        proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--submission", str(submission),
                               "--results", str(results), *extra], cwd=engine, capture_output=True, text=True,
                              env={**os.environ, **env}, timeout=600)
        return proc, (json.loads(results.read_text()) if results.exists() else None)


# --------------------------------------------------------------------------- the switches


def test_switch_names_are_checked():
    assert capabilities.disabled_from({"GD_SANDBOX_DISABLE": "all"}) == frozenset(capabilities.NAMES)
    assert capabilities.disabled_from({"GD_SANDBOX_DISABLE": " landlock, proc "}) == {"landlock", "proc"}
    with pytest.raises(ValueError, match="unknown capability landlok; use any of landlock"):
        capabilities.disabled_from({"GD_SANDBOX_DISABLE": "landlok"})
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--only", A01], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "GD_SANDBOX_DISABLE": "landlok"})
    assert proc.returncode == 2 and "unknown capability landlok" in proc.stderr


def test_detected_capabilities_say_what_is_missing():
    full = Capabilities.detect()
    # nothing switched off: every shortfall is a capability this machine does not offer, said as such
    assert all("not available" in line and any(name in line for name in full.missing) for line in full.shortfalls())
    assert len(full.shortfalls()) == len(full.missing)
    off = Capabilities.detect(frozenset(capabilities.NAMES))
    assert not any(off.has(name) for name in capabilities.NAMES)
    assert all("switched off" in line for line in off.shortfalls()) and len(off.shortfalls()) == len(capabilities.NAMES)


PROBE = '''
import ctypes, os, resource, socket

def state(path):
    try:
        with open(path, "rb") as fh:
            readable = len(fh.read(1)) >= 0
    except OSError:
        readable = False
    deathsig = ctypes.c_int(-1)
    ctypes.CDLL(None).prctl(2, ctypes.byref(deathsig), 0, 0, 0)  # PR_GET_PDEATHSIG
    try:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()
        udp = True
    except OSError:
        udp = False
    return (os.getuid(), readable, deathsig.value, resource.getrlimit(resource.RLIMIT_AS)[0],
            resource.getrlimit(resource.RLIMIT_NPROC)[0], udp)
'''


@pytest.mark.skipif(os.geteuid() != 0 or not Capabilities.detect().landlock_abi, reason="needs root and Landlock to compare")
@pytest.mark.parametrize("name", capabilities.NAMES)
def test_each_switch_removes_what_it_names(name, monkeypatch):
    tmp_path = Path(tempfile.mkdtemp(prefix="ag-switch-"))  # /tmp itself: the sandbox user must reach the module
    monkeypatch.chdir(tmp_path)
    module = tmp_path / "m" / "probe.py"
    module.parent.mkdir(mode=0o755)
    module.write_text(PROBE)
    module.chmod(0o644)
    outside = tmp_path / "outside.txt"  # readable by everyone: only Landlock keeps the child out
    outside.write_text("x")
    outside.chmod(0o644)
    tmp_path.chmod(0o755)

    monkeypatch.setattr(protection, "SECRET_FOLDERS", ())  # in-process: never lock this checkout's secret folders

    def child_state(disabled: str):
        monkeypatch.setenv("GD_SANDBOX_DISABLE", disabled)
        monkeypatch.setenv("GD_ALLOW_INSECURE", "1")
        with Sandbox() as sandbox:
            session = sandbox.open(str(module), "probe", Limits())
            try:
                return dict(zip(("uid", "reads_outside", "deathsig", "as", "nproc", "udp"), session.call("state", (str(outside),), {})))
            finally:
                session.close()

    try:
        full, degraded = child_state(""), child_state(name)
    finally:
        shutil.rmtree(tmp_path)
    unlimited = -1  # resource.RLIM_INFINITY as the wire carries it
    changed = {
        "landlock": (full["reads_outside"], degraded["reads_outside"]) == (False, True),
        "root": (full["uid"], degraded["uid"]) == (65534, 0),
        "prctl": full["deathsig"] == 9 and degraded["deathsig"] == 0,
        "proc": degraded["as"] > full["as"],  # the memory base is estimated generously without /proc
        "rlimit_as": full["as"] > 0 and degraded["as"] in (unlimited, 2**64 - 1),
        "rlimit_nproc": 0 < full["nproc"] < degraded["nproc"] or degraded["nproc"] in (unlimited, 2**64 - 1),
        "seccomp": (full["udp"], degraded["udp"]) == (False, True),
    }
    assert changed[name], (full, degraded)


# --------------------------------------------------------------------------- the grading contract with everything off


def test_the_grading_contract_holds_with_every_capability_off(engine_copy, tmp_path):
    klass = tmp_path / "class"
    shutil.copytree(ROOT / "solutions", klass / "reference")
    shutil.copytree(ROOT / "assignments", klass / "stubs")
    banks = {}
    for a in CATALOGUE:  # one wrong and one right implementation of every assignment
        for prefix in ("wrong_", "right_"):
            bank = next(p for p in a.banks() if p.stem.startswith(prefix))
            student = klass / f"bank-{a.folder}-{bank.stem}"
            (student / a.folder).mkdir(parents=True)
            (student / a.folder / a.filename).write_text(bank_source(bank, a.solution()))
            banks[student.name] = a.folder
    cases = sorted(c for c in EXPECT if c not in NEEDS_PROTECTION and (HOSTILE / c).is_dir())
    for case in cases:
        shutil.copytree(HOSTILE / case, klass / f"hostile-{case}")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade-all", str(klass), str(out)], cwd=engine_copy,
                          capture_output=True, text=True, env={**os.environ, **ALL_OFF}, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = {p.parent.name: json.loads(p.read_text()) for p in out.glob("*/results.json")}
    reference, stubs = results["reference"], results["stubs"]
    # solutions full, stubs nothing, and every result says it was graded without protection
    assert reference["score"] == reference["max_score"] > 0
    assert stubs["score"] == 0 and all(t["tags"] == ["not implemented"] for t in stubs["tests"])
    assert "INSECURE" in reference["output"] and "landlock switched off" in reference["output"]
    for student, folder in banks.items():
        got = results[student]["extra_data"]["assignments"][folder]
        assert (got["score"] == got["max_score"]) == ("right_" in student), (student, got)
    for case in cases:
        score, tag, text = EXPECT[case]
        tests = [t for t in results[f"hostile-{case}"]["tests"] if t["name"].startswith(A01)]
        assert sum(t["score"] for t in tests) == score, (case, tests[:2])
        failing = [t for t in tests if t["status"] == "failed"]
        assert failing and tag in (None, failing[0]["tags"][0]) and text in failing[0]["output"], (case, failing[:2])


# --------------------------------------------------------------------------- secrets: lock them, or refuse


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can hand the child to another user")
def test_without_landlock_root_locks_the_secrets_and_grades(engine_copy):
    for folder in ("solutions", "autograder/hidden"):
        (engine_copy / folder).chmod(0o755)
    proc, results = grade(engine_copy, ROOT / "solutions", {"GD_SANDBOX_DISABLE": "landlock"}, "--only", A01)
    assert proc.returncode == 0 and results["score"] == results["max_score"]
    # the submission's user (nobody) can no longer pass through the secret folders
    assert all((engine_copy / f).stat().st_mode & 0o007 == 0 for f in ("solutions", "autograder/hidden"))
    assert "made unreadable to other users" in results["output"]
    # a submission that runs this engine's own solution when it can read it gets nothing...
    thief = Path(tempfile.mkdtemp(prefix="ag-thief-"))
    try:
        (thief / A01).mkdir()
        (thief / A01 / "gradients.py").write_text(
            f"try:\n    exec(open({str(engine_copy / 'solutions' / A01 / 'gradients.py')!r}).read())\n"
            "except OSError:\n    pass\n")
        _, stolen = grade(engine_copy, thief, {"GD_SANDBOX_DISABLE": "landlock"}, "--only", A01)
        assert stolen["score"] == 0
        # ...and full marks where nothing keeps it out, so the 0 above is the lock's doing
        _, control = grade(engine_copy, thief, {"GD_SANDBOX_DISABLE": "landlock,root", "GD_ALLOW_INSECURE": "1"}, "--only", A01)
        assert control["score"] == control["max_score"]
    finally:
        shutil.rmtree(thief)


@pytest.mark.skipif(os.geteuid() != 0, reason="switching root off means something only as root")
def test_without_landlock_or_another_user_grading_is_refused(engine_copy):
    proc, results = grade(engine_copy, ROOT / "solutions", {"GD_SANDBOX_DISABLE": "landlock,root"}, "--only", A01)
    assert proc.returncode == 2 and "refusing to grade" in proc.stdout + proc.stderr
    assert results["score"] == 0 and results["tests"] == []  # no test ran: no submitted code ran
    allowed, results = grade(engine_copy, ROOT / "solutions", {"GD_SANDBOX_DISABLE": "landlock,root", "GD_ALLOW_INSECURE": "1"},
                             "--only", A01)
    assert allowed.returncode == 0 and results["score"] == results["max_score"] and "INSECURE" in results["output"]


def test_a_copy_without_secrets_grades_with_what_the_machine_offers(engine_copy, tmp_path):
    student_copy = tmp_path / "student"
    shutil.copytree(engine_copy / "autograder", student_copy / "autograder", ignore=shutil.ignore_patterns("hidden"))
    shutil.copytree(engine_copy / "assignments", student_copy / "assignments")
    proc, results = grade(student_copy, ROOT / "solutions", {"GD_SANDBOX_DISABLE": "landlock,root"}, "--only", A01)
    assert proc.returncode == 0 and results["score"] == results["max_score"] > 0
    table = subprocess.run([sys.executable, "-m", "autograder", "grade", "--only", A01], cwd=student_copy,
                           capture_output=True, text=True, env={**os.environ, "GD_SANDBOX_DISABLE": "landlock,root"})
    # one line at the top says what protection is missing
    assert table.stdout.splitlines()[0].startswith("sandbox: files protected by permissions only (landlock switched off)")


def test_windows_without_wsl_is_told_what_to_do():
    proc = subprocess.run(["make", "--no-print-directory", "grade"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "OS": "Windows_NT"})
    assert proc.returncode != 0 and "wsl --install" in proc.stderr
