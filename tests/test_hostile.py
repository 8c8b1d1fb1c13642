"""Broken and hostile submissions, graded together by one `grade-all` run as a class of students.

Each hostile student submits a bad a01 module and the reference for every other assignment. Each must
get nothing for what it did not solve, the run must complete, and the other assignments must keep full marks.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from autograder.catalogue import CATALOGUE
from autograder.text import is_inert
from support import ROOT

HOSTILE = ROOT / "tests" / "hostile"
A01 = "a01_gradients"
FUN_Z_ONLY = 6.0  # points of the a01 tests that call only fun_z
A01_POINTS = 26  # a01's total: fun_z, fun_dz and gradient_field

# case -> (a01 score, outcome tag of the first failing test or None for any, text in its message)
EXPECT = {
    "syntax_error": (0, "error", "SyntaxError"),
    "import_error": (0, "error", "ModuleNotFoundError"),
    "missing_function": (FUN_Z_ONLY, "error", "does not define fun_dz"),
    "loop_at_import": (0, "timeout", "took longer than"),
    "loop_in_function": (FUN_Z_ONLY, "timeout", "took longer than"),
    "long_sleep": (0, "timeout", "took longer than"),
    "memory_hog": (0, "resource limit", "used more than 256 MB"),
    "fork_bomb": (0, "error", "BlockingIOError"),
    "huge_output": (0, "resource limit", "printed more than"),
    "nan": (0, "failed", "not finite"),
    "lying_float": (0, "failed", "wrong values"),
    "lying_ndarray": (0, "failed", "wrong values"),
    "monkeypatch_numpy": (0, "failed", "wrong values"),
    "monkeypatch_pytest": (0, None, ""),  # it breaks its own sandbox's channel: any failing ending will do
    "os_exit_at_import": (0, "crashed", "exit code 0"),
    "sys_exit_at_import": (0, "crashed", "sys.exit"),
    "exit_in_function": (FUN_Z_ONLY, "crashed", "exit code 3"),
    "fake_results": (0, "failed", "wrong values"),
    "read_solutions": (0, "failed", "wrong values"),
    "kill_parent": (0, "failed", "wrong values"),
    "network": (0, "failed", "wrong values"),
    "network_udp": (0, "failed", "wrong values"),
    "recursion": (0, "error", "RecursionError"),
    "unsendable": (0, "failed", "generator"),
    "huge_result": (0, "resource limit", "a message of 45.8 MB, over the limit of 16.0 MB"),
    "neighbours": (0, "not implemented", "not implemented yet"),
    "slow_drip": (0, "timeout", "took longer than"),
    "garbage_answer": (0, "error", "malformed data"),
    "symlink_to_solution": (0, "not submitted", "was not found"),  # grade-all's intake refuses the link
    "not_submitted": (0, "not submitted", "was not found"),
    # text the submission controls: shown escaped, never obeyed, and always written (see also tests/test_text.py)
    "escape_erase_line": (0, "error", r"Erase\x1b[2K: \x1b[1A\x1b[2K\x9b1A\x9b2K      1/1     pass"),
    "escape_hidden_total": (0, "error", "Total: 15 / 15\n" + r"\x1b[8m"),
    "escape_clipboard": (0, "error", r"\x1b]52;c;cm0gLXJmIH4K\x07"),
    "escape_hyperlink": (0, "error", r"\x1b]8;;https://grades.example.invalid/regrade\x1b\your full marks"),
    "carriage_return": (0, "error", r"oops\x0d      1/1     pass"),
    "surrogate_message": (0, "error", r"not UTF-8: \x80\xff, a CSI as a byte: \x9b2J"),
    "surrogate_output": (0, "failed", r"bytes that are not UTF-8: \xff\xfe \xed\xb2\x80 \x9b2J"),
    "huge_message": (0, "error", "AAAA ... (cut)"),
    "not_utf8": (0, "error", "not UTF-8 text: byte 0xe9 on line 1"),
}


# Cases whose attack could reach past the test it runs in (the grader, the sandbox's other sessions, the machine):
# they also submit the reference for every other assignment, which must keep full marks. The others submit a01 only,
# which keeps this class, graded in one run, small.
REACHES_BEYOND_ITS_TEST = {"kill_parent", "fork_bomb", "memory_hog", "fake_results", "monkeypatch_numpy",
                           "monkeypatch_pytest", "huge_output", "slow_drip", "garbage_answer", "os_exit_at_import",
                           "neighbours", "network", "network_udp", "read_solutions", "long_sleep", "surrogate_message",
                           "surrogate_output", "huge_message"}


def _other_solutions(student: Path) -> None:
    for assignment in CATALOGUE:
        source = ROOT / "solutions" / assignment.folder / assignment.filename
        if assignment.folder != A01 and source.exists():
            (student / assignment.folder).mkdir(parents=True, exist_ok=True)
            shutil.copy(source, student / assignment.folder / assignment.filename)


@pytest.fixture(scope="session")
def run_tmp():
    """The class run's TMPDIR, where its sandbox processes start (the zygote's working folder is made there, and each
    child inherits it): a folder of its own, so that its processes are told apart from other graders' on the machine."""
    folder = tempfile.mkdtemp(prefix="ag-hostile-run-")
    os.chmod(folder, 0o755)  # the sandbox user must pass through to the submission's private copy
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory, run_tmp):
    """Build the class folder, run `python -m autograder grade-all` once, return (out dir, its stdout)."""
    klass = tmp_path_factory.mktemp("class")
    for case in EXPECT:
        student = klass / case
        if (HOSTILE / case).is_dir():
            shutil.copytree(HOSTILE / case, student)
        student.mkdir(exist_ok=True)
        if case in REACHES_BEYOND_ITS_TEST:
            _other_solutions(student)
    link = klass / "symlink_to_solution" / A01
    link.mkdir()
    (link / "gradients.py").symlink_to(ROOT / "solutions" / A01 / "gradients.py")
    (klass / "reference").mkdir()
    shutil.copytree(ROOT / "solutions", klass / "reference", dirs_exist_ok=True)
    shutil.copytree(ROOT / "assignments", klass / "stubs")
    (klass / "empty").mkdir()
    out = tmp_path_factory.mktemp("out")
    # ports the network cases would reach if they could: TCP, and UDP on IPv4 and IPv6
    with socket.create_server(("127.0.0.1", 0)) as listener, _udp_listener(socket.AF_INET, "127.0.0.1") as udp, \
            _udp_listener(socket.AF_INET6, "::1", udp.getsockname()[1]) as udp6:
        network = klass / "network" / A01 / "gradients.py"
        network.write_text(network.read_text().replace("PORTS = (22, 80, 443, 8000)",
                                                       f"PORTS = (22, 80, 443, 8000, {listener.getsockname()[1]})"))
        udp_case = klass / "network_udp" / A01 / "gradients.py"
        udp_case.write_text(udp_case.read_text().replace("PORT = 9", f"PORT = {udp.getsockname()[1]}"))
        proc = subprocess.run([sys.executable, "-m", "autograder", "grade-all", str(klass), str(out)],
                              cwd=ROOT, capture_output=True, text=True, timeout=1800, env={**os.environ, "TMPDIR": run_tmp})
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):  # no connection ever arrived
            listener.accept()
        for sock in (udp, udp6):  # no datagram either
            with pytest.raises(BlockingIOError):
                sock.recv(2000)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert is_inert(proc.stderr), proc.stderr[-2000:]
    return out, proc.stdout


def _udp_listener(family, host, port=0):
    """A UDP socket bound on loopback that never blocks (a listener on ::1 may fail where IPv6 is off: then a
    socket that is never sent to stands in)."""
    sock = socket.socket(family, socket.SOCK_DGRAM)
    try:
        sock.bind((host, port))
    except OSError:
        if family == socket.AF_INET:
            raise
    sock.setblocking(False)
    return sock


def _results(out: Path, student: str) -> dict:
    return json.loads((out / student / "results.json").read_text())


def _assignment_scores(results: dict) -> dict:
    return results["extra_data"]["assignments"]


@pytest.mark.parametrize("case", sorted(EXPECT))
def test_hostile_submission(graded_class, case):
    out, _ = graded_class
    results = _results(out, case)
    score, tag, text = EXPECT[case]
    scores = _assignment_scores(results)
    # nothing for what it did not solve
    assert scores[A01]["score"] == score, json.dumps(results["tests"][:3], indent=1)
    # the first failing a01 test says what happened
    failing = [t for t in results["tests"] if t["name"].startswith(A01) and t["status"] == "failed"]
    assert failing and tag in (None, failing[0]["tags"][0]) and text in failing[0]["output"], json.dumps(failing[:2], indent=1)
    # the other assignments are untouched (the cases that could reach beyond their own test submit them too)
    for folder, got in scores.items():
        if folder != A01 and case in REACHES_BEYOND_ITS_TEST:
            assert got["score"] == got["max_score"], f"{folder} lost points next to a hostile a01"
    # the grader's own results are intact, and its sums add up
    assert results["score"] == pytest.approx(sum(t["score"] for t in results["tests"]))


def test_every_text_the_class_run_wrote_or_showed_is_inert(graded_class):
    out, stdout = graded_class
    assert is_inert(stdout), [line for line in stdout.splitlines() if not is_inert(line)][:3]
    for case in EXPECT:  # every results.json parses (strict UTF-8), and no string in it carries a control character
        raw = (out / case / "results.json").read_bytes().decode("utf-8")
        texts = list(strings(json.loads(raw)))
        assert texts and all(is_inert(text) for text in texts), (case, [t for t in texts if not is_inert(t)][:2])
    huge = _results(out, "huge_message")
    assert max(len(t["output"]) for t in huge["tests"]) < 5000  # a 10 MB message is cut before it is shown
    assert is_inert((out / "grades.csv").read_bytes().decode("utf-8"))


def strings(value):
    """Every string in JSON-like `value`, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_fake_results_were_written_nowhere(graded_class):
    out, _ = graded_class
    # the fake_results case writes {"score": 1000} into every results.json it can reach; none may exist
    places = [Path("/tmp/results.json"), ROOT / "results.json", Path.home() / "results.json", *out.rglob("results.json")]
    forged = [p for p in places if p.is_file() and '"score": 1000' in p.read_text(errors="replace")]
    assert not forged, forged


def test_a_linked_module_is_refused_at_intake_with_the_reason(graded_class):
    out, _ = graded_class
    intake = _results(out, "symlink_to_solution")["extra_data"]["intake"]
    assert any("not a regular file" in line for line in intake["missing"]), intake


def test_import_errors_are_reported_once(graded_class):
    out, _ = graded_class
    tests = [t for t in _results(out, "syntax_error")["tests"] if t["name"].startswith(A01)]
    assert "line 10" in tests[0]["output"] and "def fun_dz(x, y)" in tests[0]["output"]
    assert all("shown under the first test" in t["output"] for t in tests[1:])


def test_reference_and_stub_students(graded_class):
    out, _ = graded_class
    reference, stubs, empty = (_results(out, s) for s in ("reference", "stubs", "empty"))
    assert reference["score"] == reference["max_score"] > 0
    assert stubs["score"] == 0 and all(t["tags"] == ["not implemented"] for t in stubs["tests"])
    assert empty["score"] == 0 and all(t["tags"] == ["not submitted"] for t in empty["tests"])


def test_grades_csv_has_a_row_per_student(graded_class):
    out, stdout = graded_class
    with open(out / "grades.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["student"] for r in rows) == sorted([*EXPECT, "reference", "stubs", "empty"])
    assert {A01, "total"} <= set(rows[0])
    assert f"[{len(rows)}/{len(rows)}]" in stdout  # progress was shown


def test_rerun_skips_graded_students_and_force_regrades(graded_class, tmp_path):
    out, _ = graded_class
    klass = tmp_path / "class"
    shutil.copytree(ROOT / "solutions", klass / "alice")
    run = lambda *extra: subprocess.run([sys.executable, "-m", "autograder", "grade-all", str(klass), str(tmp_path / "o"),
                                         "--only", A01, *extra], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "grading 1 " in run()
    assert "1 already graded" in run() and "grading 0 " in run()
    assert "grading 1 " in run("--force")


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc to see which processes are left")
def test_no_process_survives(graded_class, run_tmp):
    """Every process the class run's sandbox started is gone: those whose working folder is in the run's TMPDIR."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        left = [p for p in os.listdir("/proc") if p.isdigit() and _cwd(p).startswith(run_tmp + os.sep)]
        if not left:
            return
        time.sleep(0.2)
    pytest.fail(f"processes of the class run's sandbox are still running: {left}")


def _cwd(pid: str) -> str:
    try:
        return os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return ""


def test_killing_grade_all_midway_loses_nothing(tmp_path):
    klass, out = tmp_path / "class", tmp_path / "out"
    for i in range(6):
        shutil.copytree(ROOT / "solutions" / A01, klass / f"student{i}" / A01)
    cmd = [sys.executable, "-m", "autograder", "grade-all", str(klass), str(out), "--only", A01, "--jobs", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(out.glob("*/results.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    written = list(out.glob("*/results.json"))
    assert written, "nothing was graded before the kill"
    for path in written:  # every file present is complete
        assert json.loads(path.read_text())["score"] == A01_POINTS
    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    # the rerun keeps what was written (a grader that was mid-student when killed may have finished it since)
    assert int(re.search(r"(\d+) already graded", rerun).group(1)) >= len(written)
    with open(out / "grades.csv", newline="") as fh:
        assert [r["total"] for r in csv.DictReader(fh)] == [str(A01_POINTS)] * 6
