"""The pytest plugin: markers, the `student` and `ref` fixtures, and the recorder that turns tests into grades.

Loaded by the grader (`autograder.grading`) and by the repository's conftest.py, so that
`pytest assignments/a01_gradients` runs the public tests against the sandboxed stub just as `make grade` does.
The `Recorder` is added only when grading: it registers every collected test with its points before any
test runs, and classifies each ending (passed, failed check, the submission's problem, grader fault).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import stat
import sys
import tempfile
import traceback
from pathlib import Path

import pytest

from autograder import outcomes
from autograder.catalogue import BY_FOLDER, INSTRUCTOR, audience, lookup
from autograder.results import HIDDEN_VISIBILITY, Report, TestResult
from autograder.sandbox.client import ENGINE_ROOT, Limits, ModuleProxy, Sandbox

MAX_MODULE_BYTES = 1 << 20
CONTEXT = pytest.StashKey["GradingContext"]()
OUTPUT = pytest.StashKey[str]()

# --------------------------------------------------------------------------- options


def pytest_addoption(parser):
    group = parser.getgroup("autograder")
    group.addoption("--submission", default=None,
                    help="folder laid out like assignments/ whose modules are graded (default: <repo>/assignments)")


def pytest_configure(config):
    config.addinivalue_line("markers", "points(n): the points this test is worth")
    config.addinivalue_line("markers", "limits(seconds=1, import_seconds=5, memory_mb=256, output_kb=64, processes=32): sandbox limits for this test")
    submission = config.getoption("submission") or os.path.join(ENGINE_ROOT, "assignments")
    recorder = next((p for p in config.pluginmanager.get_plugins() if isinstance(p, Recorder)), None)
    config.stash[CONTEXT] = GradingContext(submission, recorder.sandbox if recorder else None)


def pytest_unconfigure(config):
    context = config.stash.get(CONTEXT, None)
    if context is not None:
        context.close()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Report the submission's problems and failed checks by their message.

    pytest would otherwise render a source-annotated traceback of grader code (tens of milliseconds per failure)
    that nobody reads; returning a report here skips that.
    """
    if call.excinfo is None or not isinstance(call.excinfo.value, (outcomes.StudentProblem, outcomes.Mismatch)):
        return None
    error = call.excinfo.value
    message = error.message if isinstance(error, outcomes.StudentProblem) else error.public()
    return pytest.TestReport(item.nodeid, item.location, {k: 1 for k in item.keywords}, "failed", message, call.when,
                             duration=call.duration, start=call.start, stop=call.stop)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def student(request):
    """The submitted module, running in this test's own sandboxed child."""
    context = request.config.stash[CONTEXT]
    folder = assignment_of(request.node.path)
    marker = request.node.get_closest_marker("limits")
    limits = Limits().override(**marker.kwargs) if marker else Limits()
    proxy = ModuleProxy(lambda: context.open(folder, limits))
    yield proxy
    session = proxy._close()
    if session is not None:
        request.node.stash[OUTPUT] = session.output()


@pytest.fixture
def ref(request):
    """The reference solution module (hidden suites only)."""
    return request.config.stash[CONTEXT].reference(assignment_of(request.node.path))


class GradingContext:
    """Per-run state: the sandbox, the submission's private copies, loaded references."""

    def __init__(self, submission: str, sandbox: Sandbox | None = None):
        self.submission = submission
        self.sandbox = sandbox
        self._owns_sandbox = sandbox is None
        self._copies: dict[str, str] = {}
        self._references: dict[str, object] = {}
        self._workdir = None

    def open(self, folder: str, limits: Limits):
        if self.sandbox is None:
            self.sandbox = Sandbox().start()
        path = self._private_copy(folder)
        return self.sandbox.open(path, lookup(folder).module, limits)

    def _private_copy(self, folder: str) -> str:
        """Copy only the whitelisted module into a fresh directory the sandbox may read."""
        if folder not in self._copies:
            source = str(lookup(folder).submitted(self.submission))
            data = read_submitted_module(source)
            if self._workdir is None:
                self._workdir = tempfile.TemporaryDirectory(prefix="ag-submission-", dir=reachable_tmp())
                os.chmod(self._workdir.name, 0o711)
            directory = os.path.join(self._workdir.name, folder)
            os.mkdir(directory, 0o755)
            os.chmod(directory, 0o755)
            target = os.path.join(directory, lookup(folder).filename)
            with open(target, "wb") as fh:
                fh.write(data)
            os.chmod(target, 0o644)
            self._copies[folder] = target
        return self._copies[folder]

    def reference(self, folder: str):
        if folder not in self._references:
            path = lookup(folder).solution()
            spec = importlib.util.spec_from_file_location(f"reference_{folder}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            self._references[folder] = module
        return self._references[folder]

    def close(self):
        if self.sandbox is not None and self._owns_sandbox:
            self.sandbox.close()
        if self._workdir is not None:
            shutil.rmtree(self._workdir.name, ignore_errors=True)


# --------------------------------------------------------------------------- the recorder (grading only)


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
            result.finish(outcomes.GRADER_ERROR, _grader_fault(call.excinfo, item))
        elif call.when == "teardown" and call.excinfo is not None and result.status == outcomes.PASSED:
            result.finish(outcomes.GRADER_ERROR, _grader_fault(call.excinfo, item))
        if call.when == "teardown" and not result.hidden and result.status != outcomes.PASSED:
            printed = item.stash.get(OUTPUT, "").strip()
            if printed:
                result.message += "\nYour code printed:\n" + _indent(printed)

    def _classify(self, result: TestResult, item, excinfo) -> None:
        if excinfo is None:
            result.finish(outcomes.PASSED)
            return
        error = excinfo.value
        if isinstance(error, outcomes.ImportFailed):
            first = result.assignment not in self._import_errors_shown
            self._import_errors_shown.add(result.assignment)
            message = error.message if first else "the module could not be imported (the error is shown under the first test of this assignment)"
            result.finish(error.status, message)
        elif isinstance(error, outcomes.StudentProblem):
            result.finish(error.status, error.message)
        elif isinstance(error, outcomes.Mismatch):
            result.finish(outcomes.FAILED, error.hidden() if result.hidden else error.public())
        elif isinstance(error, AssertionError):
            first_line = str(error).splitlines()[0] if str(error) else "a check failed"
            shown = "a check failed" if result.hidden and first_line.startswith("assert ") else first_line
            result.finish(outcomes.FAILED, shown if result.hidden else str(error))
        else:
            result.finish(outcomes.GRADER_ERROR, _grader_fault(excinfo, item))


# --------------------------------------------------------------------------- validators and helpers


def read_submitted_module(path: str) -> bytes:
    """The module's bytes, refusing links, special files and folders that are links (they could point anywhere)."""
    folder = os.path.dirname(path)
    shown = os.path.join(os.path.basename(folder), os.path.basename(path))
    try:
        if stat.S_ISLNK(os.lstat(folder).st_mode):
            raise outcomes.NotSubmitted(f"not submitted: {os.path.basename(folder)} is a symbolic link; submit a real folder")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise outcomes.NotSubmitted(f"not submitted: {shown} was not found") from None
    except OSError as exc:
        raise outcomes.NotSubmitted(f"not submitted: {shown} cannot be read as a plain file ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise outcomes.NotSubmitted(f"not submitted: {shown} is not a regular file")
        data = fh.read(MAX_MODULE_BYTES + 1)
    if len(data) > MAX_MODULE_BYTES:
        raise outcomes.NotSubmitted(f"not submitted: {shown} is larger than {MAX_MODULE_BYTES >> 20} MB")
    return data


def reachable_tmp() -> str:
    """A temporary folder the sandbox user can pass through: TMPDIR if it can, else /tmp.

    As root the child runs as nobody, who must reach the submission's private copy; a TMPDIR inside a
    private home would make every submission fail to import.
    """
    candidates = [tempfile.gettempdir(), "/tmp"] if os.geteuid() == 0 else [tempfile.gettempdir()]
    for folder in candidates:
        path = os.path.realpath(folder)
        parts = [path] + [p for p in Path(path).parents]
        if os.geteuid() != 0 or all(os.stat(p).st_mode & stat.S_IXOTH for p in parts):
            return path
    raise RuntimeError(f"the sandbox user cannot reach {candidates[0]} or /tmp; set TMPDIR to a folder "
                       "every user may pass through (mode o+x on it and its parents)")


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


def _grader_fault(excinfo, item) -> str:
    """Instructors get the traceback on stderr; students see it only for public tests."""
    detail = "".join(traceback.format_exception(excinfo.value)).strip()[-3000:]
    sys.__stderr__.write(f"grader error in {item.nodeid}:\n{detail}\n")
    message = "grader error: the test itself failed, not your code; please tell your instructor."
    return message if is_hidden(item.path) else message + "\n" + _indent(detail)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
