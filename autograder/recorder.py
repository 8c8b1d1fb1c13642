"""The recorder (grading only): registers every collected test with its points before any test runs, and records
how each one ended: passed, failed check, the submission's problem, or grader fault (`ending`)."""

from __future__ import annotations

import reprlib
import sys
import traceback
from pathlib import Path

import pytest

from autograder import outcomes
from autograder.catalogue import BY_FOLDER, INSTRUCTOR, audience
from autograder.results import HIDDEN_VISIBILITY, Report, TestResult
from autograder.sandbox.client import ENGINE_ROOT, Sandbox
from autograder.text import inert

OUTPUT = pytest.StashKey[str]()  # what a test's child printed, stashed by the `student` fixture
IMPORT_SHOWN_ABOVE = "the module could not be imported (the error is shown under the first test of this assignment)"
EXPLAIN_CHARS = 60  # of each side of a failed comparison, in a public test's message


class Recorder:
    """Registers every test before grading starts and records how each one ended."""

    def __init__(self, sandbox: Sandbox | None = None, hidden_visibility: str = HIDDEN_VISIBILITY):
        self.sandbox = sandbox
        self.hidden_visibility = hidden_visibility
        self.report = Report()
        self._by_id: dict[str, TestResult] = {}
        self._import_errors_shown: set[str] = set()

    def pytest_collectreport(self, report):
        if report.failed:
            self.report.problems.append(f"grader error: {report.nodeid} could not be loaded (details on the grader's stderr)")
            sys.__stderr__.write(f"grader error: {report.nodeid} could not be loaded:\n{report.longreprtext}\n")

    def pytest_collection_modifyitems(self, items):
        for item in items:
            folder = assignment_of(item.path)
            marker = item.get_closest_marker("points")
            hidden = is_hidden(item.path)
            default = self.hidden_visibility if hidden else "visible"
            result = TestResult(folder, display_name(item), float(marker.args[0]) if marker else 0.0,
                                hidden=hidden, visibility=default)
            if marker is None:
                result.finish(outcomes.GRADER_ERROR, "grader error: this test has no points marker")
            self._by_id[item.nodeid] = result
            self.report.tests.append(result)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        yield
        result = self._by_id.get(item.nodeid)
        if result is None or result.status == outcomes.GRADER_ERROR:
            return
        if call.when == "call":
            self._classify(result, item, call.excinfo)
        elif call.excinfo is not None and call.when == "setup":
            result.finish(outcomes.GRADER_ERROR, _grader_fault(call.excinfo.value, item))
        elif call.when == "teardown" and call.excinfo is not None and result.status == outcomes.PASSED:
            result.finish(outcomes.GRADER_ERROR, _grader_fault(call.excinfo.value, item))
        if call.when == "teardown" and not result.hidden and result.status != outcomes.PASSED:
            printed = item.stash.get(OUTPUT, "").strip()
            if printed:
                result.message += "\nYour code printed:\n" + _indent(printed)

    @pytest.hookimpl(wrapper=True)
    def pytest_assertrepr_compare(self, op, left, right):
        """Explain a failed comparison in one line when pytest cannot. Its own explanation asks for the terminal,
        which grading runs without: it fails, and the assert's message would be lost with it."""
        try:
            return (yield)
        except AssertionError:
            return [[f"{_short(left)} {op} {_short(right)}"]]

    def _classify(self, result: TestResult, item, excinfo) -> None:
        error = None if excinfo is None else excinfo.value
        first = isinstance(error, outcomes.ImportFailed) and result.assignment not in self._import_errors_shown
        if isinstance(error, outcomes.ImportFailed):
            self._import_errors_shown.add(result.assignment)
        result.finish(*ending(error, result.hidden, item, first_import_error=first))


def ending(error: BaseException | None, hidden: bool, item, first_import_error: bool = True) -> tuple[str, str]:
    """How a test ended, and the message a student sees: the one place an ending becomes words.

    Hidden tests never show inputs, expected values or grader tracebacks; an import error is shown in full under
    the first test of its assignment only.
    """
    if error is None:
        return outcomes.PASSED, ""
    if isinstance(error, outcomes.ImportFailed):
        return error.status, error.message if first_import_error else IMPORT_SHOWN_ABOVE
    if isinstance(error, outcomes.StudentProblem):
        return error.status, error.message
    if isinstance(error, outcomes.Mismatch):
        return outcomes.FAILED, error.hidden() if hidden else error.public()
    if isinstance(error, AssertionError):
        first_line = str(error).splitlines()[0] if str(error) else "a check failed"
        if hidden:
            return outcomes.FAILED, "a check failed" if first_line.startswith("assert ") else first_line
        return outcomes.FAILED, str(error)
    return outcomes.GRADER_ERROR, _grader_fault(error, item)


def assignment_of(path) -> str:
    folder = Path(path).parent.name
    if folder not in BY_FOLDER:
        raise LookupError(f"{path} is not inside an assignment folder; expected one of {', '.join(BY_FOLDER)}")
    return folder


def is_hidden(path) -> bool:
    """A test of a hidden suite (instructor-only, per the catalogue's LAYOUT), not a public test students have."""
    try:
        relative = Path(path).resolve().relative_to(Path(ENGINE_ROOT).resolve())
    except ValueError:
        return False
    return audience(relative.as_posix()) == INSTRUCTOR


def display_name(item) -> str:
    doc = getattr(getattr(item, "function", None), "__doc__", None)
    first = doc.strip().splitlines()[0].strip() if doc and doc.strip() else item.name
    return first + (f" [{item.callspec.id}]" if hasattr(item, "callspec") else "")


def _grader_fault(error: BaseException, item) -> str:
    """Instructors get the traceback on stderr; students see it only for public tests."""
    detail = inert("".join(traceback.format_exception(error)).strip()[-3000:])  # it may quote the submission's text
    sys.__stderr__.write(f"grader error in {item.nodeid}:\n{detail}\n")
    message = "grader error: the test itself failed, not your code; please tell your instructor."
    return message if is_hidden(item.path) else message + "\n" + _indent(detail)


def _short(value) -> str:
    shorten = reprlib.Repr()
    shorten.maxstring = shorten.maxother = EXPLAIN_CHARS
    return shorten.repr(value)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
