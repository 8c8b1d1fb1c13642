"""The pytest plugin: options, markers, the `student` and `ref` fixtures, and the grading context behind them.

Loaded by the grader (`autograder.grading`) and by the repository's conftest.py, so that
`pytest assignments/a01_gradients` runs the public tests against the sandboxed stub just as `make grade` does.
File intake is `intake.py`; the `Recorder` that turns tests into grades (added only when grading) is `recorder.py`.
"""

from __future__ import annotations

import importlib.util
import os

import pytest

from autograder import outcomes
from autograder.catalogue import lookup
from autograder.intake import PrivateCopies
from autograder.recorder import OUTPUT, Recorder, assignment_of
from autograder.sandbox.client import ENGINE_ROOT, Limits, ModuleProxy, Sandbox

CONTEXT = pytest.StashKey["GradingContext"]()

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
        self._copies = PrivateCopies(submission)
        self._references: dict[str, object] = {}

    def open(self, folder: str, limits: Limits):
        if self.sandbox is None:
            self.sandbox = Sandbox().start()
        return self.sandbox.open(self._copies.path(folder), lookup(folder).module, limits)

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
        self._copies.close()
