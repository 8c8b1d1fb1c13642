"""The assignment catalogue: names are a contract, and every file of the repository has one home and one audience.

Students, instructors and Gradescope submissions depend on the folder, module and function names, so change them
only with a new course release. Grading, stub generation, packaging and the leak audit all find files through
`Assignment`'s paths and `audience()`, never by building paths of their own.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent  # the checkout (or an unpacked bundle) this engine runs from

STUDENT = "student"        # ships to students: stubs, handouts, public tests, figures
ENGINE = "engine"          # the grading engine: ships to students and inside every Otter zip
INSTRUCTOR = "instructor"  # never leaves the instructor: solutions, hidden suites, banks, tooling, the grader's own tests


@dataclass(frozen=True)
class Assignment:
    """One assignment: its folder name, its module and the names it must define."""

    folder: str
    module: str
    names: tuple[str, ...]

    @property
    def filename(self) -> str:
        return f"{self.module}.py"

    # where its files live, below `root` (this checkout by default)
    def solution(self, root: Path = ROOT) -> Path:
        return Path(root, "solutions", self.folder, self.filename)

    def stub(self, root: Path = ROOT) -> Path:
        return Path(root, "assignments", self.folder, self.filename)

    def handout(self, root: Path = ROOT, lang: str | None = None) -> Path:
        """The handout, README.md; with `lang` (one of TRANSLATIONS), its translation README.<lang>.md beside it."""
        return Path(root, "assignments", self.folder, "README.md" if lang is None else f"README.{lang}.md")

    def public_tests(self, root: Path = ROOT) -> list[Path]:
        return sorted(Path(root, "assignments", self.folder).glob("test_*.py"))

    def hidden_tests(self, root: Path = ROOT) -> list[Path]:
        return sorted(Path(root, "autograder", "hidden", self.folder).glob("test_*.py"))

    def drivers(self, root: Path = ROOT) -> Path:
        return Path(root, "autograder", "drivers", f"{self.folder}.py")

    def banks(self, root: Path = ROOT) -> list[Path]:
        return sorted(p for p in Path(root, "tests", "banks", self.folder).glob("*.py")
                      if p.stem.startswith(("wrong_", "right_")))

    def submitted(self, submission: str | Path) -> Path:
        """Where a submission laid out like assignments/ keeps this assignment's module."""
        return Path(submission, self.folder, self.filename)


CATALOGUE: tuple[Assignment, ...] = (
    Assignment("a01_gradients", "gradients", ("fun_z", "fun_dz", "gradient_field")),
    Assignment("a02_gradient_descent", "descent", ("bowl", "bowl_grad", "gradient_descent")),
    Assignment(
        "a03_numerical_gradient",
        "numerical",
        ("eval_numerical_gradient", "rel_error", "grad_check_sparse", "svm_loss_single", "svm_grad_single"),
    ),
    Assignment("a04_linear_regression", "linear", ("forward", "cost", "gradient", "train_gd", "gradient_wb")),
    Assignment("a05_sgd", "sgd", ("train_sgd", "minibatch_indices", "train_minibatch")),
    Assignment(
        "a06_chain_rule",
        "chain_rule",
        ("add_mul", "sigmoid", "sigmoid_grad", "sigmoid_neuron", "delta_rule_step"),
    ),
    Assignment("a07_backprop", "network", ("forward", "backward", "sgd_step")),
    Assignment("a08_autograd", "autograd", ("Value",)),
    Assignment(
        "a09_gradient_tape",
        "tape",
        ("Tensor", "Variable", "GradientTape", "record_operation", "derivatives", "newton", "gradient_descent"),
    ),
)

BY_FOLDER = {a.folder: a for a in CATALOGUE}
SUITES = ("public", "hidden")  # public tests ship with the assignments; hidden ones stay with the grader
# Every handout is also written in these languages (`Assignment.handout(lang=...)`), and so are the student part of
# README.md and the student bundle's README; `make check-translations` keeps each pair in sync.
TRANSLATIONS = ("zh-CN",)

# Who may see each file, by its path relative to the repository root; the first matching pattern wins.
# Packaging builds the student bundle from STUDENT and ENGINE files, and the leak audit checks it against this table.
LAYOUT: tuple[tuple[str, str], ...] = (
    ("solutions/*", INSTRUCTOR),
    ("autograder/hidden/*", INSTRUCTOR),
    ("autograder/packaging/*", INSTRUCTOR),  # make otter, make release, the leak audit
    ("autograder/batch.py", INSTRUCTOR),     # make grade-all
    ("autograder/roster.py", INSTRUCTOR),    # make grade-all: who is in a class
    ("autograder/exports.py", INSTRUCTOR),   # make grade-all: Gradescope's exports and their metadata
    ("autograder/classtable.py", INSTRUCTOR),  # make grade-all: grades.csv and canvas.csv
    ("autograder/bench.py", INSTRUCTOR),     # make bench
    ("autograder/classroom.py", INSTRUCTOR),  # make bench: a generated class, memory of a process tree
    ("autograder/stubs.py", INSTRUCTOR),     # make stubs
    ("autograder/*", ENGINE),
    ("assignments/*", STUDENT),              # stubs, handouts in every language (README.zh-CN.md too), public tests
    ("conftest.py", ENGINE),                 # lets `pytest assignments/aNN` run the public tests
    ("requirements.txt", ENGINE),
    ("requirements-notebook.txt", STUDENT),   # JupyterLab, for the bundle's `make notebook`
    ("*", INSTRUCTOR),                       # everything else: tests/, docs/, the instructor's Makefile and READMEs, CI
)
GRADING_REQUIREMENTS = "requirements.txt"  # what grading needs, pinned: the student bundle and the Otter zips install it


def audience(relpath: str | PurePosixPath) -> str:
    """STUDENT, ENGINE or INSTRUCTOR for a path relative to the repository root (forward slashes)."""
    path = str(PurePosixPath(relpath))
    for pattern, who in LAYOUT:
        if fnmatch.fnmatchcase(path, pattern):
            return who
    raise AssertionError("LAYOUT ends with a catch-all")  # pragma: no cover


def lookup(folder: str) -> Assignment:
    """Return the assignment for `folder`, or explain which folders exist."""
    try:
        return BY_FOLDER[folder]
    except KeyError:
        known = ", ".join(BY_FOLDER)
        raise KeyError(f"unknown assignment {folder!r}; the catalogue has: {known}") from None
