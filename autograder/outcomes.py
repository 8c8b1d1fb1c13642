"""How a test can end, and the exceptions that carry each ending to the plugin.

A test passes, fails a check, or is stopped by one of the submission's own problems (an exception,
"not implemented", a timeout, a resource limit, a crash, a missing file or name). A fault in the grader
itself is a separate outcome, so that a broken suite never reads as a student's mistake.
"""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """How a test ended: the value is what results.json's `tags` say, `label` what the terminal table shows."""

    PASSED = "passed", "pass"
    FAILED = "failed", "FAIL"
    ERROR = "error", "ERROR"
    NOT_IMPLEMENTED = "not implemented", "todo"
    NOT_SUBMITTED = "not submitted", "missing"
    TIMEOUT = "timeout", "TIMEOUT"
    RESOURCE = "resource limit", "LIMIT"
    CRASHED = "crashed", "CRASH"
    GRADER_ERROR = "grader error", "GRADER"
    DID_NOT_RUN = "did not run", "NO RUN"

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


PASSED, FAILED, ERROR = Outcome.PASSED, Outcome.FAILED, Outcome.ERROR
NOT_IMPLEMENTED, NOT_SUBMITTED = Outcome.NOT_IMPLEMENTED, Outcome.NOT_SUBMITTED
TIMEOUT, RESOURCE, CRASHED = Outcome.TIMEOUT, Outcome.RESOURCE, Outcome.CRASHED
GRADER_ERROR, DID_NOT_RUN = Outcome.GRADER_ERROR, Outcome.DID_NOT_RUN


class StudentProblem(Exception):
    """The submission stopped this test. `message` is safe to show on hidden tests too."""

    status = ERROR

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotImplementedYet(StudentProblem):
    status = NOT_IMPLEMENTED


class NotSubmitted(StudentProblem):
    status = NOT_SUBMITTED


class StudentRaised(StudentProblem):
    status = ERROR


class ImportFailed(StudentProblem):
    """The module did not import. Reported in full once per assignment; later tests refer back."""

    status = ERROR


class TimedOut(StudentProblem):
    status = TIMEOUT


class ResourceLimit(StudentProblem):
    status = RESOURCE


class Crashed(StudentProblem):
    status = CRASHED


class GraderFault(Exception):
    """The test cannot judge the submission (for example, the reference returned nan): a grader error, never a pass
    or a fail."""


class Mismatch(AssertionError):
    """A check failed. `property` and `kind` are shown on every test; `details` only on public ones."""

    def __init__(self, property: str, kind: str, details: str = ""):
        super().__init__(f"{property}: {kind}" + (f"\n{details}" if details else ""))
        self.property, self.kind, self.details = property, kind, details

    def public(self) -> str:
        return str(self)

    def hidden(self) -> str:
        return f"{self.property}: {self.kind}"
