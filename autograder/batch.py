"""Grade a class: every student in SUBMISSIONS (see roster.py: student folders and zips, Gradescope exports) graded
in its own grader process, forked from one warm process that has loaded the suites once (see pool.py), on all cores.

Each student's results.json is written atomically as soon as that student is done, so an interrupted run
loses nothing already written. A rerun regrades only the students whose grade would differ: whose module files
(by content), chosen submissions, identity, assignments or suites changed since their results.json, or whose
grading failed; students with results who are no longer in SUBMISSIONS are left out of the table and named.
The class table (classtable.py: grades.csv and canvas.csv, one row per student with name, SID, email, a column per
assignment, the total and problems in words) is rebuilt at the end; entries that are not graded have a row with the
reason too, and a line in the summary. One student costs the class nothing: whatever fails while grading or writing
them (their text, their files, their grader process) leaves them a row that says so, and the class goes on.
`--shard i/n` grades a deterministic 1/n of the class; `merge` joins the shards' outputs into one table.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

from autograder import classtable, exports, grading, pool, roster
from autograder.catalogue import lookup
from autograder.results import write_atomic
from autograder.sandbox import protection
from autograder.text import inert

STUDENT_TIMEOUT = 1800  # seconds for one student's whole run: only a grader fault gets near it
CLASS_FILE = "class.json"  # in OUT: the whole class and this run's shard, for `merge`


def run(submissions: str, out: str, *, force: bool = False, jobs: int = 1, only=None, shard: str | None = None) -> int:
    source, out_dir = Path(submissions), Path(out)
    if not source.exists() or not (source.is_dir() or source.suffix == ".zip"):
        return _error(f"SUBMISSIONS={submissions!r} is not a folder or a zip; it should hold one subfolder per "
                      "student (or one zip), or Gradescope exports (each assignment's 'Export Submissions' zip, or "
                      "the folder it unpacks to)")
    if out_dir.exists() and not out_dir.is_dir():
        return _error(f"OUT={out!r} is a file; give a folder for the results (it is made if need be)")
    if out_dir.resolve() == source.resolve():
        return _error("OUT must not be the SUBMISSIONS folder; results would mix with the students' work")
    try:
        index, count = parse_shard(shard)
        folders = grading.select(only)
    except ValueError as exc:
        return _error(str(exc))
    except KeyError as exc:
        return _error(f"ONLY: {exc.args[0]}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _error(f"cannot make OUT={out!r}: {inert(exc.strerror or exc)}; give a folder you may write to")
    try:
        klass = roster.scan(source, out_dir / ".intake", folders)
    except ValueError as exc:  # an export zip that is encrypted or too large to unpack here
        return _error(f"cannot read {submissions}: {inert(exc)}")
    except exports.ZIP_ERRORS as exc:
        return _error(f"cannot read {submissions}: {inert(exc)}"
                      + ("; is the zip whole? download it again" if source.is_file() else ""))
    students, skipped = klass.students, klass.skipped
    skipped += [roster.Skipped(s.entry, "the OUT folder of this run, not a student", s.name)
                for s in students if s.source is not None and s.source.resolve() == out_dir.resolve()]
    students = [s for s in students if s.source is None or s.source.resolve() != out_dir.resolve()]
    if not students:
        return _error(f"{submissions} has no student to grade" + _skipped_text(skipped))
    everyone = sorted(s.name for s in students)
    mine = [s for s in students if in_shard(s.name, index, count)]
    gone = _gone(out_dir, everyone)
    write_atomic(str(out_dir / CLASS_FILE), json.dumps({
        "students": everyone, "shard": [index, count], "mine": sorted(s.name for s in mine),
        "not_graded": [{"student": k.name, "entry": k.entry, "reason": k.reason} for k in skipped],
        "exports": klass.exports, "gone": gone}, indent=1) + "\n")
    suites = suite_digests(folders)
    state = {s.name: "new" if force else _state(out_dir, s, folders, suites) for s in mine}
    todo = [s for s in mine if state[s.name] != "graded"]
    done_before, changed = len(mine) - len(todo), sum(1 for v in state.values() if v == "changed")
    print(f"{len(mine)} student{'s' if len(mine) != 1 else ''} in {inert(submissions)}"
          + (f" (shard {index}/{count} of {len(everyone)})" if count > 1 else "")
          + f"; {done_before} already graded{' (FORCE=1 regrades them)' if done_before else ''}; "
          + (f"{changed} changed since they were graded; " if changed else "")
          + f"grading {len(todo)} with {jobs} parallel jobs" + "".join(f"\n  export {line}" for line in klass.exports),
          flush=True)
    failures: list[str] = []
    reasons: dict[str, str] = {}  # students this run could not even record a failure for: why, for their row
    before = {s.name: _stamp(out_dir, s.name) for s in todo}
    start = time.monotonic()
    progress = Progress(len(todo))

    def done(student, line, ok):
        line = inert(line, 300)
        if _stamp(out_dir, student.name) == before[student.name]:  # its grader process wrote nothing: record why
            ok = False
            if not _record_failure(out_dir, student, line):
                reasons[student.name] = line
        if not ok:
            failures.append(student.name)
        progress.step(student.name, line)

    try:
        if todo:
            grading.warm(folders)
            gc.freeze()  # the grader processes forked from here share what is loaded: the collector must not copy it
            with pool.Pool(jobs, STUDENT_TIMEOUT) as workers:
                workers.run(todo, functools.partial(_grade_one, out=out_dir, folders=folders, suites=suites), done)
    except protection.Refused as refused:
        return _error(str(refused))
    except KeyboardInterrupt:
        print("\ninterrupted: the results written so far are kept; run again to continue", file=sys.stderr)
        _write_tables(out_dir, mine, skipped, folders, reasons)
        return 130
    progress.close()
    csv_path, rows = _write_tables(out_dir, mine, skipped, folders, reasons)
    with_problems = sum(1 for s in mine if rows[s.name].problems)
    print(f"wrote {csv_path}: {len(mine)} student{'s' if len(mine) != 1 else ''} graded ({len(todo)} now, {done_before} before), "
          f"{with_problems} with problems, {len(skipped)} entries not graded, in {time.monotonic() - start:.1f} s"
          + _skipped_text(skipped) + _gone_text(gone))
    if failures:
        print(f"grader problems for {len(failures)} student(s): {', '.join(failures)}; see their results.json "
              "(a rerun grades again the students whose grading failed)", file=sys.stderr)
        return 1
    return 0


def merge(outs: list[str], target: str) -> int:
    """Join the outputs of every shard of one class into `target`/grades.csv (and canvas.csv); refuse overlaps and
    gaps.

    Entries that were not graded are the same in every shard's output, and have one row each."""
    classes, rows = [], {}
    for out in map(Path, outs):
        try:
            info = json.loads((out / CLASS_FILE).read_text())
        except (OSError, ValueError):
            return _error(f"{out} is not the output of `make grade-all` (no readable {CLASS_FILE})")
        classes.append((out, info))
        for name in info["mine"]:
            if name in rows:
                return _error(f"{name} was graded in two shards ({rows[name][0]} and {out}); merge each shard once")
            rows[name] = (out, _read(out, name))
    everyone = {(tuple(info["students"]), json.dumps(info.get("not_graded", []), sort_keys=True)) for _, info in classes}
    if len(everyone) != 1:
        return _error("these outputs grade different classes (their student lists differ); merge one class at a time")
    missing = sorted(set(next(iter(everyone))[0]) - set(rows))
    if missing:
        return _error(f"{len(missing)} student(s) are in no shard given: {', '.join(missing[:10])}"
                      f"{' ...' if len(missing) > 10 else ''}; grade and merge every shard")
    ungraded = sorted(name for name, (_, data) in rows.items() if data is None)
    if ungraded:
        return _error(f"{len(ungraded)} student(s) have no results yet: {', '.join(ungraded[:10])}; rerun their shard")
    failed = sorted(name for name, (_, data) in rows.items() if _failed(data))
    table = {name: classtable.student_row(name, data) for name, (_, data) in rows.items()}
    table.update(_not_graded_rows(classes[0][1].get("not_graded", [])))
    path = classtable.write(Path(target), table, classtable.assignments_of(table))
    print(f"wrote {path} ({len(rows)} students from {len(outs)} shards, "
          f"{len(table) - len(rows)} entries not graded)")
    if failed:
        print(f"grader problems for {len(failed)} student(s): {', '.join(failed[:10])}{' ...' if len(failed) > 10 else ''}; "
              "their rows say so: rerun their shard, then merge again", file=sys.stderr)
        return 1
    return 0


def suite_digests(folders) -> dict[str, str]:
    """folder -> a hash of what grades it: its public and hidden tests, its drivers and its reference solution.
    A change to any (a fix to a suite) makes a rerun regrade the students graded with the old one."""
    out = {}
    for folder in folders:
        assignment = lookup(folder)
        digest = hashlib.sha256()
        for path in (*grading.suite_files([folder]), assignment.drivers(), assignment.solution()):
            digest.update(str(Path(path).name).encode() + b"\0")
            try:
                digest.update(Path(path).read_bytes())
            except OSError:
                digest.update(b"(missing)")
        out[folder] = digest.hexdigest()
    return out


def parse_shard(shard: str | None) -> tuple[int, int]:
    """'i/n' -> (i, n), 1 <= i <= n; None -> (1, 1)."""
    if not shard:
        return 1, 1
    try:
        index, count = (int(part) for part in shard.split("/"))
    except ValueError:
        raise ValueError(f"SHARD={shard!r}: write i/n, for example 2/8 for the second of eight shards") from None
    if not 1 <= index <= count:
        raise ValueError(f"SHARD={shard!r}: i must be between 1 and n")
    return index, count


def in_shard(name: str, index: int, count: int) -> bool:
    """Whether student `name` belongs to shard index/count: a hash of the name, so shards never depend on order."""
    return int(hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest(), 16) % count == index - 1


class Progress:
    """A bar with the time left on a terminal; one line per student in a log."""

    def __init__(self, total: int, stream=sys.stdout):
        self.total, self.done, self.start, self.stream = total, 0, time.monotonic(), stream
        self.tty = stream.isatty()

    def step(self, name: str, line: str) -> None:
        self.done += 1
        elapsed = time.monotonic() - self.start
        left = elapsed / self.done * (self.total - self.done)
        if self.tty:
            filled = int(30 * self.done / max(self.total, 1))
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}  "
                              f"about {left:.0f} s left  ")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {name}: {line}  (about {left:.0f} s left)\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")


def _grade_one(student: roster.Student, zygote, *, out: Path, folders, suites) -> tuple[str, bool]:
    """In a grader process of the pool: grade one student with the slot's zygote and write their results.json.

    Never raises: a failure of any kind is written as this student's result (a grader error), and if even that
    cannot be written, the line returned says why; the parent then records it (see `done` in `run`)."""
    try:
        data, line, ok = _results_of(student, zygote, folders, suites)
    except BaseException as exc:  # noqa: BLE001 - a fault while grading one student costs only that student
        line, ok = inert(f"grader error: {type(exc).__name__}: {exc}", 300), False
        data = _failure(student, line, traceback.format_exc())
    try:
        write_atomic(str(_results_path(out, student.name)), _dumps(data))
    except BaseException as exc:  # noqa: BLE001
        return inert(f"grader error: results.json could not be written ({type(exc).__name__}: {exc})", 300), False
    return line, ok


def _results_of(student: roster.Student, zygote, folders, suites) -> tuple[dict, str, bool]:
    with tempfile.TemporaryDirectory(prefix="ag-student-") as tmp:
        layout = Path(tmp, "submission")
        intake = roster.prepare(student, folders, layout)
        report = grading.grade(str(layout), folders, zygote=zygote)
    try:  # results.json as the engine writes it
        data = json.loads(report.to_json())
    except Exception:  # noqa: BLE001 - the same content; _dumps makes whatever cannot be stored inert
        data = report.to_gradescope()
    nothing = student.uploads is None and all(info["state"] != "graded" for info in intake.assignments.values())
    data.setdefault("extra_data", {})["intake"] = {
        **_identity(student), "nothing_gradable": nothing, "missing": intake.missing, "refused": intake.refused,
        "assignments": intake.assignments, "fingerprint": roster.fingerprint(student, intake, suites)}
    chosen = [_chosen(folder, info) for folder, info in intake.assignments.items()
              if info.get("submission") and info["state"] == "graded"]
    if chosen or intake.missing or intake.refused:  # say in the output the student reads what was graded, and
        first, _, rest = str(data.get("output", "")).partition("\n")  # what not and why (after the line that
        lines = (first, *chosen, *intake.missing, *intake.refused, rest)  # says what confined the submission)
        data["output"] = "\n".join(line for line in lines if line)
    line = f"Total: {report.score:g} / {report.max_score:g}"
    return data, ("nothing gradable; " if nothing else "") + line, not report.problems


def _chosen(folder: str, info: dict) -> str:
    """The line that says which submission of `folder` was graded, of what time, and which were passed over."""
    older = info.get("older") or []
    when = info.get("created_at") or "no time in the metadata"
    latest = (f", the latest of {len(older) + 1} by :created_at: (not graded: {', '.join(older)})" if older else "")
    return f"{folder}: {info['submission']} of {when}{latest}. {info.get('file', '')}".rstrip()


def _identity(student: roster.Student) -> dict:
    return {"entry": student.entry, "student": {"name": student.person.name, "sid": student.person.sid,
                                                "email": student.person.email}}


def _failure(student: roster.Student, reason: str, details: str = "") -> dict:
    """results.json for a student whose grading failed: no score, the reason, and a mark that a rerun retries it."""
    return {"score": 0, "max_score": 0, "tests": [],
            "output": f"The grader failed on this submission ({reason}); this is not the student's doing. "
                      "Run make grade-all again to retry.",
            "extra_data": {"problems": [reason], "grader_failure": True, "traceback": inert(details, 20000),
                           "intake": _identity(student)}}


def _record_failure(out: Path, student: roster.Student, reason: str) -> bool:
    """In the parent: write `student`'s failure as their results.json; False if even that cannot be written."""
    try:
        write_atomic(str(_results_path(out, student.name)), _dumps(_failure(student, reason)))
        return True
    except Exception:  # noqa: BLE001 - the row of grades.csv says why instead
        return False


def _dumps(data: dict) -> str:
    """results.json's text, always encodable as UTF-8: if it cannot be stored as it is (a lone surrogate, a value
    JSON has no form for), every string in it is made inert and every other value shown as text."""
    try:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        text.encode("utf-8")
        return text
    except (UnicodeEncodeError, TypeError, ValueError):
        return json.dumps(_inert_tree(data), indent=2, ensure_ascii=False, default=inert) + "\n"


def _inert_tree(value):
    """`value` (results.json's content) with every string in it made inert."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, dict):
        return {inert(k): _inert_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_inert_tree(v) for v in value]
    return value


def _results_path(out: Path, student: str) -> Path:
    return out / student / "results.json"


def _stamp(out: Path, student: str) -> tuple[int, int] | None:
    """Which results.json `student` has (a new write makes a new file), or None."""
    try:
        st = _results_path(out, student).stat()
        return st.st_ino, st.st_mtime_ns
    except OSError:
        return None


def _read(out: Path, student: str) -> dict | None:
    try:
        data = json.loads(_results_path(out, student).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def _failed(data: dict | None) -> bool:
    return isinstance(data, dict) and bool((data.get("extra_data") or {}).get("grader_failure"))


def _state(out: Path, student: roster.Student, folders, suites) -> str:
    """'graded' when `student` has results for exactly what would be graded now (the same module contents, the
    same submissions chosen, the same assignments and suites: `roster.fingerprint`); 'new' when they have none or
    their grading failed; 'changed' otherwise."""
    data = _read(out, student.name)
    if data is None or _failed(data):
        return "new"
    try:
        then = data["extra_data"]["intake"]["fingerprint"]
        now = roster.fingerprint(student, roster.prepare(student, folders, None), suites)
    except Exception:  # noqa: BLE001 - results of an older grader, or files that cannot be read now: regrade
        return "changed"
    return "graded" if then == now else "changed"


def _gone(out: Path, everyone: list[str]) -> list[str]:
    """Students with results in OUT who are not in SUBMISSIONS now (a student who left, an export replaced)."""
    here = set(everyone)
    try:
        return sorted(p.name for p in out.iterdir()
                      if p.name not in here and not p.name.startswith(".") and (p / "results.json").is_file())
    except OSError:
        return []


def _write_tables(out: Path, students, skipped, folders, reasons=None) -> tuple[Path, dict]:
    """grades.csv and canvas.csv: a row per student (from their results.json; who they are and what was graded
    from this run's scan) and per entry that was not graded."""
    rows = {s.name: classtable.student_row(s.name, _read(out, s.name),
                                           (s.person.name, s.person.sid, s.person.email), s.entry,
                                           (reasons or {}).get(s.name))
            for s in students}
    rows.update(_not_graded_rows([{"student": k.name, "entry": k.entry, "reason": k.reason} for k in skipped]))
    return classtable.write(out, rows, list(folders)), rows


def _not_graded_rows(entries: list[dict]) -> dict:
    return {e["student"]: classtable.entry_row(e["student"], e["entry"], e["reason"]) for e in entries}


def _gone_text(gone: list[str]) -> str:
    if not gone:
        return ""
    return (f"\n  {len(gone)} student{'s' if len(gone) != 1 else ''} graded before and not in SUBMISSIONS now, left "
            f"out of grades.csv (their results stay in OUT): {', '.join(gone[:20])}{' ...' if len(gone) > 20 else ''}")


def _skipped_text(skipped) -> str:
    return "".join(f"\n  not graded: {k.entry}: {k.reason}" + (f" (row {k.name})" if k.name != k.entry else "")
                   for k in skipped)


def _error(message: str) -> int:
    print(f"error: {inert(message)}", file=sys.stderr)
    return 2
