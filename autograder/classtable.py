"""The class table: one row per student, and one per entry of SUBMISSIONS that was not graded, written as
grades.csv and canvas.csv.

A row is read from a student's results.json alone (so that `merge` builds the same rows as `run`): the score of
each assignment, the total, and `problems`, every whole-assignment loss in words (`problems`). A student who was
not graded (a run that stopped before them, a grader failure) has empty score cells and a "not graded: ..."
problem, never zeros that would be uploaded as grades.

grades.csv: student (the folder in OUT), name, sid, email (from Gradescope's metadata; empty for a student
folder), one column per assignment, total, max_score, problems, entry (what of SUBMISSIONS was graded: for
exports, each assignment's submission and its time).
canvas.csv: the students only, under the columns Canvas's own gradebook export begins with (Student, ID, SIS User
ID, SIS Login ID, Section: the name, nothing, the SID, the email, nothing), then one column per assignment.
Every text cell is inert (text.inert), and one that a spreadsheet would take for a formula (beginning with =, +, -
or @) is written with a leading apostrophe, as spreadsheets expect.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from autograder.catalogue import CATALOGUE
from autograder.recorder import IMPORT_SHOWN_ABOVE
from autograder.results import write_atomic
from autograder.text import inert

CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
NOT_YET = "the run stopped before grading them: run make grade-all again"
_IMPORT = re.compile(r"(?P<file>\S+) could not be imported: (?P<why>.*)")
_SYNTAX = re.compile(r"(?:SyntaxError|IndentationError|TabError): (?P<what>.*) "
                     r"\((?P<file>[^()]+), line (?P<line>\d+)\)")
_COUNTED = ("timeout", "resource limit", "crashed", "grader error", "did not run")


@dataclass
class Row:
    student: str                           # the folder in OUT, or the row of an entry not graded
    name: str = ""
    sid: str = ""
    email: str = ""
    scores: dict[str, float] | None = None  # per assignment; None: not graded
    total: float | None = None
    max_score: float | None = None
    problems: list[str] = field(default_factory=list)
    entry: str = ""
    is_student: bool = True


def student_row(student: str, data: dict | None, person=None, entry: str | None = None,
                reason: str | None = None) -> Row:
    """The row of `student` from results.json's content `data` (None when there is none). Who they are and what was
    graded come from `person` (name, sid, email) and `entry` when given, else from results.json itself.
    Never raises: a results.json that cannot be read gives a row that says so."""
    try:
        intake = ((data or {}).get("extra_data") or {}).get("intake") or {}
        known = intake.get("student") or {}
        if person is None:
            person = (str(known.get("name", "")), str(known.get("sid", "")), str(known.get("email", "")))
        if entry is None:
            entry = str(intake.get("entry", ""))
    except Exception:  # noqa: BLE001 - a damaged results.json costs its own row only
        person, entry = person or ("", "", ""), entry or ""
    row = Row(student, *person, entry=entry)
    if data is None:
        row.problems = [f"not graded: {reason or NOT_YET}"]
        return row
    try:
        extra = data.get("extra_data") or {}
        if extra.get("grader_failure"):
            row.problems = [f"not graded: {p}" for p in extra.get("problems") or ["grader error"]]
            return row
        row.scores = {str(folder): float(sums.get("score", 0.0))
                      for folder, sums in (extra.get("assignments") or {}).items()}
        row.total, row.max_score = float(data.get("score", 0.0)), float(data.get("max_score", 0.0))
        row.problems = problems(data)
    except Exception as exc:  # noqa: BLE001
        return student_row(student, None, person, entry,
                           f"results.json cannot be read ({type(exc).__name__}); regrade with FORCE=1")
    return row


def entry_row(student: str, entry: str, reason: str) -> Row:
    """The row of an entry of SUBMISSIONS that was not graded (a link, a stray file, an export that cannot be read)."""
    return Row(student, entry=entry, problems=[f"not graded: {reason}"], is_student=False)


def problems(data: dict) -> list[str]:
    """What a TA should look at in one student's results.json, one phrase each: grader faults, nothing gradable,
    what was refused, and per assignment a whole loss in words (not submitted; nothing gradable in the submission;
    a syntax error with its file and line; an import error; a timeout at import; nothing implemented) or the tests
    that timed out, hit a limit, crashed or did not run."""
    extra = data.get("extra_data") or {}
    intake = extra.get("intake") or {}
    out = [str(p) for p in extra.get("problems") or []]
    nothing = bool(intake.get("nothing_gradable"))
    if nothing:
        out.append("nothing gradable: no module of any assignment was found")
    out += [str(line) for line in intake.get("refused") or []]
    tests: dict[str, list[dict]] = {}
    for test in data.get("tests") or []:
        tests.setdefault(str(test.get("name", "")).split(":", 1)[0], []).append(test)
    states = intake.get("assignments") or {}
    for folder, mine in tests.items():
        out += _losses(folder, mine, states.get(folder) or {}, nothing)
    return [inert(line, 400) for line in out]


def _losses(folder: str, tests: list[dict], info: dict, nothing: bool) -> list[str]:
    tags = [str((test.get("tags") or [""])[0]) for test in tests]
    if info.get("state") == "nothing gradable":
        note = str(info.get("file", "")).split(". Upload ")[0].rstrip(".").replace("your submission", "it")
        return [f"{folder}: nothing gradable in {info.get('submission') or info.get('from', 'the submission')}: {note}"]
    if all(tag == "not submitted" for tag in tags):
        return [] if nothing else [f"{folder}: not submitted"]
    outputs = [str(test.get("output", "")) for test in tests]
    first = _IMPORT.fullmatch(outputs[0].split("\n", 1)[0])
    if first and all(text == IMPORT_SHOWN_ABOVE for text in outputs[1:]):
        return [f"{folder}: {_import_problem(first, outputs[0], tags[0])}"]
    if all(tag == "not implemented" for tag in tags):
        return [f"{folder}: nothing implemented (every test says not implemented yet)"]
    counts: dict[str, int] = {}
    for tag in tags:
        if tag in _COUNTED:
            counts[tag] = counts.get(tag, 0) + 1
    return [f"{folder}: {tag} ({n} test{'s' if n != 1 else ''})" for tag, n in counts.items()]


def _import_problem(first: re.Match, output: str, tag: str) -> str:
    """The phrase for a module that could not be imported, from the message under its assignment's first test."""
    module, why = first.group("file"), first.group("why")
    if tag == "timeout":
        return f"timeout at import: {module} {why}"
    syntax = _SYNTAX.fullmatch(why)
    if syntax:
        return f"syntax error in {syntax.group('file')} line {syntax.group('line')}: {syntax.group('what')}"
    if tag != "error":
        return f"{tag} at import: {why}"
    where = re.match(r"\s*line (\d+)", output.split("\n")[1]) if "\n" in output else None
    return f"import error in {module}{f' line {where.group(1)}' if where else ''}: {why}"


def assignments_of(rows: dict[str, Row]) -> list[str]:
    """The assignment columns of `rows`, in catalogue order (any other after them)."""
    seen: list[str] = []
    for row in rows.values():
        for folder in row.scores or {}:
            if folder not in seen:
                seen.append(folder)
    order = [a.folder for a in CATALOGUE if a.folder in seen]
    return order + [folder for folder in seen if folder not in order]


def grades_csv(rows: dict[str, Row], assignments: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "name", "sid", "email", *assignments, "total", "max_score", "problems", "entry"])
    for key in sorted(rows):
        row = rows[key]
        writer.writerow([_cell(key), _cell(row.name), _cell(row.sid), _cell(row.email), *_scores(row, assignments),
                         _number(row.total), _number(row.max_score), _cell("; ".join(row.problems)), _cell(row.entry)])
    return out.getvalue()


def canvas_csv(rows: dict[str, Row], assignments: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CANVAS_COLUMNS, *assignments])
    for key in sorted(rows):
        row = rows[key]
        if row.is_student:
            writer.writerow([_cell(row.name or key), "", _cell(row.sid), _cell(row.email), "",
                             *_scores(row, assignments)])
    return out.getvalue()


def write(out: Path, rows: dict[str, Row], assignments: list[str]) -> Path:
    """Write grades.csv and canvas.csv into `out`, each atomically; return grades.csv's path."""
    write_atomic(str(out / "canvas.csv"), canvas_csv(rows, assignments))
    write_atomic(str(out / "grades.csv"), grades_csv(rows, assignments))
    return out / "grades.csv"


def _scores(row: Row, assignments: list[str]) -> list[str]:
    return [_number((row.scores or {}).get(folder)) for folder in assignments]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _cell(text) -> str:
    text = inert(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
