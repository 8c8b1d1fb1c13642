"""Grade one submission: collect the trusted suites, run them in this process (`grade`) or split among grader
processes forked from it (`grade_split`), and return a Report.

The suites always come from this checkout (public tests from `assignments/`, hidden ones from
`autograder/hidden/`), never from the submission: only the whitelisted module file is taken from there.
pytest runs with no conftest, no plugin autoloading and no cache, so a submission cannot add test code.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile

import pytest

from autograder import plugin, selection
from autograder.catalogue import CATALOGUE, SUITES, lookup
from autograder.results import HIDDEN_VISIBILITY, Report, read_report
from autograder.sandbox import launch, protection
from autograder.sandbox.client import ENGINE_ROOT, Sandbox

INI = os.path.join(ENGINE_ROOT, "autograder", "grading.ini")
ASSIGNMENT_TIMEOUT = 1800  # seconds for one assignment's grader process (grade_split): only a grader fault gets near it
# Built-in plugins a grading run does without: no terminal output (the grader prints its own table), no cache,
# no forced garbage collection after the run (unraisableexception, threadexception), no per-test log, warning or
# output capture (a suite prints nothing; what a submission prints is its child's, kept apart by the sandbox), no
# skip or xfail markers and no unittest classes (suites use neither), and no fixtures the suites do not use
# (monkeypatch, recwarn, tmp_path). Each one costs every test its hooks: together about 15% of the grader's CPU.
UNUSED_PLUGINS = ("terminal", "cacheprovider", "stepwise", "unraisableexception", "threadexception", "doctest",
                  "junitxml", "pastebin", "legacypath", "logging", "warnings", "faulthandler", "debugging",
                  "setuponly", "setupplan", "monkeypatch", "recwarn", "tmpdir", "subtests", "capture", "skipping",
                  "unittest")


def suite_files(folders, suites=SUITES) -> list[str]:
    """The test files for `folders`, in catalogue order: public first, then hidden."""
    files = []
    for assignment in map(lookup, folders):
        if "public" in suites:
            files += map(str, assignment.public_tests())
        if "hidden" in suites:
            files += map(str, assignment.hidden_tests())
    return files


def select(only: list[str] | None) -> list[str]:
    """Assignment folders to grade: all of the catalogue, or the ones named (validated)."""
    return [lookup(name).folder for name in only] if only else [a.folder for a in CATALOGUE]


def warm(folders, suites=SUITES) -> None:
    """Import pytest and collect the suites for `folders` once, so that processes forked from this one start
    grading with every suite already imported (see `pool`). Runs no test and opens no sandbox."""
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    ctrl_c = _CtrlC()
    with tempfile.TemporaryDirectory() as empty:
        pytest.main([*_pytest_args(suite_files(folders, suites), empty), "--collect-only"], plugins=[plugin, ctrl_c])
    ctrl_c.reraise()


class _CtrlC:
    """A pytest plugin that remembers a Ctrl-C: pytest catches the KeyboardInterrupt and returns, and `reraise`
    raises it again for the caller to stop."""

    def __init__(self):
        self.pressed = False

    def pytest_keyboard_interrupt(self, excinfo):
        self.pressed = self.pressed or excinfo.errisinstance(KeyboardInterrupt)

    def reraise(self) -> None:
        if self.pressed:
            raise KeyboardInterrupt


def _pytest_args(files, submission: str) -> list[str]:
    args = [*files, "-c", INI, "--rootdir", ENGINE_ROOT, "--noconftest", "--import-mode=importlib",
            "--submission", os.path.abspath(submission)]
    for unused in UNUSED_PLUGINS:
        args += ["-p", f"no:{unused}"]
    return args


def grade(submission: str, folders: list[str], suites=SUITES, zygote: launch.Zygote | None = None,
          hidden_visibility: str = HIDDEN_VISIBILITY, functions=()) -> Report:
    """Run the suites for `folders` against the modules under `submission`; with `functions`, only the tests of
    those functions (`selection`).

    `zygote`, if given, was started by the caller, who stops it; one started here is stopped before this returns.
    """
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sandbox = Sandbox(zygote)
    recorder = plugin.Recorder(sandbox, hidden_visibility)
    try:
        sandbox.start()
    except protection.Refused as refused:
        sandbox.close()
        recorder.report.problems.append(str(refused))
        return recorder.report
    recorder.report.protection = sandbox.protection.summary
    recorder.report.notes = list(sandbox.protection.notes)
    files = suite_files(folders, suites)
    if "hidden" in suites and not suite_files(folders, ("hidden",)):
        recorder.report.notes.append("public tests only: your instructor grades with hidden tests as well")
    if not files:
        recorder.report.problems.append("no test files were found for " + ", ".join(folders))
        sandbox.close()
        return recorder.report
    ctrl_c = _CtrlC()
    chosen = [selection.Selection(functions)] if functions else []
    try:
        code = pytest.main(_pytest_args(files, submission), plugins=[plugin, *chosen, recorder, ctrl_c])
    finally:
        sandbox.close()
    ctrl_c.reraise()  # a half-run suite is not a grade
    if code == pytest.ExitCode.NO_TESTS_COLLECTED and functions and not recorder.report.problems:
        recorder.report.problems.append(f"no test of {', '.join(functions)} in {', '.join(folders)}")
    elif code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) and not recorder.report.problems:
        recorder.report.problems.append(f"grader error: pytest stopped with {pytest.ExitCode(code).name}")
    if not recorder.report.tests and not recorder.report.problems:
        recorder.report.problems.append("grader error: no tests were collected from " + ", ".join(files))
    return recorder.report


def grade_split(submission: str, folders: list[str], zygotes: list[launch.Zygote], suites=SUITES,
                hidden_visibility: str = HIDDEN_VISIBILITY, functions=()) -> Report:
    """`grade` in parallel: the assignments are split into one group per zygote, of about equal size, and each group
    is graded by `grade` in a grader process of its own (see `pool`). Their reports are joined in the order of
    `folders`: the same tests, scores and feedback as `grade` gives. The pool owns the zygotes and stops them."""
    from autograder import pool

    reports: list[Report] = []
    with tempfile.TemporaryDirectory(prefix="ag-grade-") as tmp:
        def work(group, zygote):  # in the grader process
            path = os.path.join(tmp, f"{group[0]}.json")
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(dataclasses.asdict(grade(submission, list(group), suites, zygote, hidden_visibility,
                                                  functions)), fh)
            return path, True

        def done(group, line, ok):  # here, as each grader process finishes
            reports.append(read_report(line) if ok else Report(problems=[f"grader error: {', '.join(group)}: {line}"]))

        try:
            with pool.Pool(len(zygotes), ASSIGNMENT_TIMEOUT, zygotes) as workers:
                warm(folders, suites)  # the grader processes are forked with every suite loaded
                workers.run(_balanced(folders, len(zygotes), suites), work, done)
        except protection.Refused as refused:
            return Report(problems=[str(refused)])
    joined = _joined(reports)
    order = {folder: i for i, folder in enumerate(folders)}
    joined.tests.sort(key=lambda test: order[test.assignment])  # stable: each suite keeps its own order
    return joined


def _balanced(folders: list[str], parts: int, suites) -> list[tuple[str, ...]]:
    """`folders` in at most `parts` groups of about equal size, measured by their suites' bytes: the largest
    assignment goes first, each to the smallest group so far."""
    size = {folder: sum(map(os.path.getsize, suite_files([folder], suites))) for folder in folders}
    groups: list[list[str]] = [[] for _ in range(parts)]
    totals = [0] * parts
    for folder in sorted(folders, key=lambda folder: -size[folder]):
        smallest = totals.index(min(totals))
        groups[smallest].append(folder)
        totals[smallest] += size[folder]
    return [tuple(group) for group in groups if group]


def _joined(reports: list[Report]) -> Report:
    """One report of several, each line of problems and notes once."""
    return Report(tests=[test for report in reports for test in report.tests],
                  problems=list(dict.fromkeys(line for report in reports for line in report.problems)),
                  protection=next((report.protection for report in reports if report.protection), ""),
                  notes=list(dict.fromkeys(line for report in reports for line in report.notes)))
