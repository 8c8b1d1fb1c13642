"""Grades as data: one `TestResult` per test, a `Report` per submission, written atomically.

`Report.to_gradescope()` follows Gradescope's results.json: top-level `score` and `max_score`, and `tests`
with `name` (beginning with the assignment folder), `score`, `max_score`, `output`, `visibility`, plus
`status` ("passed"/"failed") and `tags` holding the grader's own outcome.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass, field

from autograder import outcomes
from autograder.text import inert_data

# Gradescope's visibilities. Hidden tests get HIDDEN_VISIBILITY unless the instructor (--hidden-visibility, make otter's
# HIDDEN_VISIBILITY) says otherwise: students see them once the instructor publishes grades. Public tests are "visible".
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")
HIDDEN_VISIBILITY = "after_published"


@dataclass
class TestResult:
    assignment: str
    name: str
    max_score: float
    hidden: bool
    visibility: str = "visible"
    status: str = outcomes.DID_NOT_RUN
    score: float = 0.0
    message: str = "the test did not report a result"

    def finish(self, status: str, message: str = "") -> None:
        self.status, self.message = status, message
        self.score = self.max_score if status == outcomes.PASSED else 0.0


@dataclass
class Report:
    tests: list[TestResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # grader faults: a suite that failed to load, ...
    protection: str = ""                                # one line: what confined the submission
    notes: list[str] = field(default_factory=list)      # what protection was less than full, and what was done

    @property
    def score(self) -> float:
        return sum(t.score for t in self.tests)

    @property
    def max_score(self) -> float:
        return sum(t.max_score for t in self.tests)

    def by_assignment(self) -> dict[str, list[TestResult]]:
        groups: dict[str, list[TestResult]] = {}
        for test in self.tests:
            groups.setdefault(test.assignment, []).append(test)
        return groups

    def totals(self) -> dict[str, tuple[float, float]]:
        """(score, max_score) per assignment, in grading order: the one place totals are summed."""
        return {folder: (sum(t.score for t in tests), sum(t.max_score for t in tests))
                for folder, tests in self.by_assignment().items()}

    def to_gradescope(self) -> dict:
        return {
            "score": round(self.score, 6),
            "max_score": round(self.max_score, 6),
            "output": "\n".join(line for line in (self.protection, *self.notes, *self.problems,
                                                    f"Total: {self.score:g} / {self.max_score:g}") if line),
            "tests": [
                {
                    "name": f"{t.assignment}: {t.name}",
                    "score": t.score,
                    "max_score": t.max_score,
                    "status": "passed" if t.status == outcomes.PASSED else "failed",
                    "output": t.message or "passed",
                    "visibility": t.visibility,
                    "tags": [str(t.status)],
                }
                for t in self.tests
            ],
            "extra_data": {"assignments": {a: {"score": score, "max_score": most}
                                           for a, (score, most) in self.totals().items()},
                           "problems": self.problems, "protection": self.protection, "notes": self.notes},
        }

    def to_json(self) -> str:
        """results.json's text: every string in it inert (text.py), so it always encodes and shows nothing raw."""
        return json.dumps(inert_data(self.to_gradescope()), indent=2, ensure_ascii=False) + "\n"


def write_report(path: str, report: Report) -> None:
    """`report` as JSON at `path`, atomically: what `read_report` reads (`grade --report`, a notebook's check(),
    the grader processes of `grading.grade_split`)."""
    write_atomic(path, json.dumps(dataclasses.asdict(report), ensure_ascii=False) + "\n")


def read_report(path: str) -> Report:
    """A report a grader process wrote (the grader's own code: it never loads submitted code)."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return Report(tests=[TestResult(**test) for test in data.pop("tests")], **data)


def write_atomic(path: str, text: str) -> None:
    """Write `text` to `path` so that a reader sees either the old file or the whole new one."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
