"""The grading contract: full marks for solutions, zero for stubs, the results.json format, the CLI."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from autograder import outcomes
from autograder.catalogue import BY_FOLDER, CATALOGUE
from support import ROOT, grade_dir, summary


@pytest.fixture(scope="module")
def solutions():
    return grade_dir(ROOT / "solutions")


@pytest.fixture(scope="module")
def stubs():
    return grade_dir(ROOT / "assignments")


def test_solutions_score_full_marks(solutions):
    assert solutions["exit_code"] == 0
    assert solutions["score"] == solutions["max_score"] > 0, summary(solutions)


def test_every_assignment_is_graded(solutions):
    graded = solutions["extra_data"]["assignments"]
    assert list(graded) == [a.folder for a in CATALOGUE]
    assert all(v["max_score"] > 0 for v in graded.values())


def test_stubs_score_zero_with_not_implemented(stubs):
    assert stubs["score"] == 0
    for test in stubs["tests"]:
        assert test["tags"] == ["not implemented"] and test["output"] == "not implemented yet", test


def test_results_json_follows_gradescope(solutions):
    assert {"score", "max_score", "tests"} <= set(solutions)
    folders = tuple(a.folder for a in CATALOGUE)
    for test in solutions["tests"]:
        assert {"name", "score", "max_score", "output", "visibility"} <= set(test)
        assert test["name"].startswith(folders)
        assert test["visibility"] in {"visible", "hidden", "after_due_date", "after_published"}
    assert solutions["score"] == pytest.approx(sum(t["score"] for t in solutions["tests"]))


def test_hidden_failures_do_not_show_inputs_or_expected_values(tmp_path):
    (tmp_path / "a01_gradients").mkdir()
    (tmp_path / "a01_gradients" / "gradients.py").write_text(
        "import numpy as np\n\ndef fun_z(x, y):\n    print('secret spy')\n    return np.cos(x**2 + y**2)\n\n"
        "def fun_dz(x, y):\n    return 0 * x, 0 * y\n")
    results = grade_dir(tmp_path, only=["a01_gradients"])
    hidden = [t for t in results["tests"] if "anchor points" in t["name"]]
    public = [t for t in results["tests"] if t["name"].endswith("fun_z(1, 1) = sin(2)")]
    assert hidden and all("expected:" not in t["output"] and "spy" not in t["output"] for t in hidden)
    assert "expected: 0.9092974268" in public[0]["output"] and "secret spy" in public[0]["output"]


def test_a_failed_comparison_keeps_its_message(tmp_path):
    """pytest explains a failed `==` through the terminal, which grading runs without: the message must survive it,
    in hidden tests (its first line) and in public ones (in full, with the values compared)."""
    (tmp_path / "a03_numerical_gradient").mkdir()
    (tmp_path / "a03_numerical_gradient" / "numerical.py").write_text(
        "def grad_check_sparse(f, x, analytic_grad, num_checks=10, h=1e-5, seed=0):\n"
        "    return [((0,) * x.ndim, 0.0)] * (num_checks - 1)\n")
    results = grade_dir(tmp_path, only=["a03_numerical_gradient"])
    by_name = {t["name"].split(": ", 1)[1]: t for t in results["tests"]}
    # a hidden test: `assert problem is None, problem`
    hidden = by_name["grad_check_sparse of an exact gradient: num_checks pairs (ix, error), each error right"]
    assert hidden["output"] == "grad_check_sparse must return num_checks pairs"
    # a public test: `assert isinstance(...) and len(got) == num_checks, "..."`
    public = by_name["grad_check_sparse of twice the gradient of sum(x^3) reports an error of 1/3 at each index"]
    assert public["output"].startswith("grad_check_sparse must return a list of num_checks pairs\nassert (True and 4 == 5)")
    # no failed test reads "passed"
    assert not [t["name"] for t in results["tests"] if t["status"] == "failed" and t["output"] == "passed"]


def test_missing_folder_is_not_submitted(tmp_path):
    results = grade_dir(tmp_path, only=["a01_gradients"])
    assert results["score"] == 0 and results["max_score"] > 0
    assert all(t["tags"] == ["not submitted"] and "was not found" in t["output"] for t in results["tests"])


def test_public_suite_alone(tmp_path):
    results = grade_dir(ROOT / "solutions", only=["a01_gradients"], suites="public")
    public = len(BY_FOLDER["a01_gradients"].public_tests())
    assert public and results["score"] == results["max_score"] > 0
    assert all(t["visibility"] == "visible" for t in results["tests"])  # public tests only: nothing hidden ran


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "autograder", *args], cwd=ROOT, capture_output=True, text=True)


def test_bad_input_gets_a_clear_error():
    missing = _cli("grade", "--submission", "no/such/folder")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    unknown = _cli("grade", "--only", "a99_nothing")
    assert unknown.returncode == 2 and "a01_gradients" in unknown.stderr
    suites = _cli("grade", "--suites", "secret")
    assert suites.returncode == 2 and "public, hidden" in suites.stderr


def test_grade_prints_a_table_and_exits_zero_whatever_the_score():
    proc = _cli("grade", "--only", "a01_gradients")
    assert proc.returncode == 0
    assert "a01_gradients" in proc.stdout and "not implemented yet" in proc.stdout
    assert re.search(r"Total: 0 / [1-9]\d*\n", proc.stdout)


def test_grading_in_parallel_gives_what_grading_in_one_process_gives(tmp_path):
    """`grade` splits the assignments among grader processes, one per core: the same results, test by test."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: grade never splits, so both runs would take the same path")
    submission = tmp_path / "mixed"
    shutil.copytree(ROOT / "solutions", submission, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(submission / "a01_gradients")
    shutil.copytree(ROOT / "tests" / "hostile" / "kill_parent" / "a01_gradients", submission / "a01_gradients")
    shutil.rmtree(submission / "a05_sgd")  # not submitted
    (submission / "a06_chain_rule" / "chain_rule.py").write_text("def add_mul(x, y, z):\n    return 1.0, (2.0,)\n")
    results = {}
    for processes in (1, 4):
        out = tmp_path / f"results-{processes}.json"
        code = (f"import sys; from autograder import cli; cli.PROCESSES = {processes}; "
                f"sys.exit(cli.main(['grade', '--submission', {str(submission)!r}, '--results', {str(out)!r}]))")
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        results[processes] = re.sub(r"ag-submission-\w+", "ag-submission-X", out.read_text())
    # the same tests in the same order, with the same scores and messages
    assert results[1] == results[4]
    graded = json.loads(results[4])
    assert 0 < graded["score"] < graded["max_score"] and len({t["name"].split(":")[0] for t in graded["tests"]}) == len(CATALOGUE)


def test_make_without_target_prints_help():
    proc = subprocess.run(["make", "--no-print-directory"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0 and "make <target>" in proc.stdout and "grade" in proc.stdout


def _zygotes() -> set[int]:
    ps = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True).stdout
    return {int(line.split()[0]) for line in ps.splitlines() if "zygote.main" in line}


@pytest.mark.parametrize("only", [["a01_gradients"], ["a01_gradients", "a02_gradient_descent"]],
                         ids=["one process", "a grader process per core"])
def test_ctrl_c_stops_grading_with_one_line_and_writes_nothing(tmp_path, only):
    """Ctrl-C (SIGINT to the terminal's process group) halfway: exit code 130, one line, no traceback, no results,
    and no sandbox process left behind."""
    if len(only) > 1 and (os.cpu_count() or 1) < 2:
        pytest.skip("one core: grade never splits")
    (tmp_path / "sub" / "a01_gradients").mkdir(parents=True)
    (tmp_path / "sub" / "a01_gradients" / "gradients.py").write_text(
        "import time\n\ndef fun_z(x, y):\n    time.sleep(0.9)\n\ndef fun_dz(x, y):\n    time.sleep(0.9)\n")
    results, before = tmp_path / "results.json", _zygotes()
    proc = subprocess.Popen([sys.executable, "-m", "autograder", "grade", "--submission", str(tmp_path / "sub"),
                             "--results", str(results), *(f"--only={name}" for name in only)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: (signal.signal(signal.SIGINT, signal.SIG_DFL), os.setpgrp()))
    time.sleep(3)  # start-up takes well under a second; the 15 tests of a01 take about 14 s
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    # one line, and the exit code of a process stopped by Ctrl-C
    assert proc.returncode == 130 and "interrupted: grading stopped" in err, out + err
    assert "Traceback" not in out + err
    # a half-run suite is not a grade
    assert not results.exists()
    # the zygotes die with the grader
    deadline = time.monotonic() + 10
    while _zygotes() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _zygotes() - before


def test_results_file_is_written_atomically(tmp_path):
    target = tmp_path / "deep" / "results.json"
    proc = _cli("grade", "--only", "a01_gradients", "--submission", str(ROOT / "solutions"), "--results", str(target), "--quiet")
    assert proc.returncode == 0
    written = json.loads(target.read_text())
    assert written["score"] == written["max_score"] > 0
    assert os.listdir(target.parent) == ["results.json"]


class _Excinfo:
    def __init__(self, error):
        self.value = error


class _Item:
    def __init__(self, hidden):
        base = ROOT / ("autograder/hidden" if hidden else "assignments") / "a01_gradients" / "test_x.py"
        self.path, self.nodeid = base, f"{base}::test_x"


@pytest.mark.parametrize("error, status", [
    (None, "passed"),
    (outcomes.Mismatch("fun_z on a grid", "wrong values", "  expected: 1.0"), "failed"),
    (outcomes.NotImplementedYet("not implemented yet"), "not implemented"),
    (outcomes.TimedOut("took longer than 1 s"), "timeout"),
    (outcomes.ResourceLimit("used more than 256 MB of memory"), "resource limit"),
    (outcomes.Crashed("the process was killed by SIGSEGV"), "crashed"),
    (outcomes.StudentRaised("ValueError: bad"), "error"),
    (KeyError("a bug in the test itself"), "grader error"),
])
def test_each_ending_is_its_own_outcome(error, status, capsys):
    from autograder.recorder import Recorder
    from autograder.results import TestResult

    for hidden in (False, True):
        result = TestResult("a01_gradients", "t", 2.0, hidden=hidden)
        Recorder()._classify(result, _Item(hidden), None if error is None else _Excinfo(error))
        assert result.status == status and result.score == (2.0 if status == "passed" else 0.0)
        if hidden:  # hidden tests never show details or grader tracebacks
            assert "expected" not in result.message and "KeyError" not in result.message


def test_a_test_that_never_reports_fails_with_the_reason():
    from autograder.results import TestResult

    result = TestResult("a01_gradients", "t", 2.0, hidden=False)
    assert result.status == "did not run" and result.score == 0 and "did not report" in result.message


def test_grade_all_refuses_to_mix_results_with_submissions(tmp_path):
    (tmp_path / "alice").mkdir()
    same = _cli("grade-all", str(tmp_path), str(tmp_path))
    assert same.returncode == 2 and "must not be the SUBMISSIONS folder" in same.stderr
    inside = _cli("grade-all", str(tmp_path), str(tmp_path / "grades"), "--only", "a01_gradients")
    assert inside.returncode == 0 and "1 student in" in inside.stdout  # the output folder is not a student
    assert (tmp_path / "grades" / "alice" / "results.json").exists() and not (tmp_path / "grades" / "grades").exists()
    missing = _cli("grade-all", str(tmp_path / "nobody-here"), str(tmp_path / "o"))
    assert missing.returncode == 2 and "one subfolder per student" in missing.stderr


def test_make_explains_a_python_that_is_too_old(tmp_path):
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", "requirements-notebook.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    proc = subprocess.run(["make", "--no-print-directory", "grade", "PYTHON3=false"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "not Python 3.11 or newer" in proc.stderr and "PYTHON3=" in proc.stderr
    assert not (tmp_path / ".venv").exists()


def test_the_limits_marker_changes_a_tests_limits(tmp_path):
    """One call that sleeps 1.5 s: over the default 1 s limit, within a test marked limits(seconds=3)."""
    suite = tmp_path / "a01_gradients" / "test_limits.py"
    suite.parent.mkdir()
    suite.write_text(
        "import pytest\n\n"
        "@pytest.mark.points(1)\ndef test_default(student):\n    student.fun_z(1.0, 1.0)\n\n"
        "@pytest.mark.points(1)\n@pytest.mark.limits(seconds=3)\ndef test_marked(student):\n    student.fun_z(1.0, 1.0)\n")
    (tmp_path / "sub" / "a01_gradients").mkdir(parents=True)
    (tmp_path / "sub" / "a01_gradients" / "gradients.py").write_text("import time\n\ndef fun_z(x, y):\n    time.sleep(1.5)\n")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "autograder.plugin", str(suite), "-q", "-p", "no:cacheprovider",
                           "--submission", str(tmp_path / "sub"), "--rootdir", str(tmp_path), "--noconftest"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "1 failed, 1 passed" in proc.stdout, proc.stdout
    assert "test_default" in proc.stdout and "took longer than 1 s" in proc.stdout
