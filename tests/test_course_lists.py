"""Every place that lists or counts the course's assignments agrees with the catalogue.

Adding an assignment is one catalogue line for the engine, the bundle, the Otter zips and the release gates; the
documents that list the assignments for readers are written by hand, and these tests say which one was forgotten:

- README.md's table of assignments: one row per catalogue entry, in catalogue order, with its module;
- docs/reference-values.md: its table of sections names every assignment as a user (`a09`);
- docs/promises.md: a section per assignment (test_promises.py then wants a row per promise);
- the student bundle's README and every document and engine file: a number of assignments or of zips stated in
  words or digits ("eight assignments", "the 8 zips") is the catalogue's, so a count that went stale when an
  assignment came is caught. Counts of one or two are about something else ("with two assignments") and pass.
"""

from __future__ import annotations

import re

import pytest

from autograder.catalogue import CATALOGUE, ROOT

WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen twenty").split()
COUNT = re.compile(r"\b(" + "|".join(WORDS) + r"|\d+) (?:Otter )?(assignments|zips)\b", re.IGNORECASE)
TABLE_ROW = re.compile(r"^\| `(a\d\d_\w+)` \| `(\w+)\.py` \|", re.M)
# Where a count of the course's assignments may be written: documents for readers and the engine's own text.
# CHANGELOG.md (history) and BENCHMARKS.md (what one run measured, written by make bench) are records, not claims.
COUNTED = ["README.md", "docs/*.md", "autograder/**/*.py", "autograder/packaging/student/*", "assignments/*/README.md"]


def number(word: str) -> int:
    return int(word) if word.isdigit() else WORDS.index(word.lower())


def stale_counts(text: str, expected: int) -> list[str]:
    """Every "N assignments" or "N zips" in text with N > 2 and N != expected."""
    return [m.group(0) for m in COUNT.finditer(text) if number(m.group(1)) > 2 and number(m.group(1)) != expected]


def test_the_readme_table_lists_every_assignment_in_catalogue_order():
    rows = TABLE_ROW.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert rows == [(a.folder, a.module) for a in CATALOGUE], "README.md's table of assignments is out of date"


def test_the_reference_values_name_every_assignment():
    text = (ROOT / "docs" / "reference-values.md").read_text(encoding="utf-8")
    table = text[:text.index("\n## ")]
    missing = [a.folder for a in CATALOGUE if not re.search(rf"\b{a.folder[:3]}\b", table)]
    assert not missing, f"docs/reference-values.md's table names no section for {missing}"


def test_the_promises_have_a_section_per_assignment():
    sections = re.findall(r"^## (a\d\d_\w+)$", (ROOT / "docs" / "promises.md").read_text(encoding="utf-8"), re.M)
    assert sections == [a.folder for a in CATALOGUE]


@pytest.mark.parametrize("pattern", COUNTED)
def test_no_document_counts_another_number_of_assignments(pattern):
    stale = {}
    for path in sorted(ROOT.glob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            found = stale_counts(path.read_text(encoding="utf-8"), len(CATALOGUE))
            if found:
                stale[str(path.relative_to(ROOT))] = found
    assert not stale, f"the catalogue has {len(CATALOGUE)} assignments, these say otherwise: {stale}"


@pytest.mark.parametrize("text, stale", [
    ("all eight assignments of one submission", ["eight assignments"]),
    ("over the 8 Otter zips", ["8 Otter zips"]),
    ("make test with two assignments", []),
    ("holds the course's assignments", []),
])
def test_a_stale_count_is_found(text, stale):
    assert stale_counts(text, 9) == stale
