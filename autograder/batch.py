"""Grade a class: every student in SUBMISSIONS (see roster.py) graded in its own grader process, forked from one
warm process that has loaded the suites once (see pool.py), on all cores.

Each student's results.json is written atomically as soon as that student is done, so an interrupted run
loses nothing already written, and a rerun skips students that have results (unless forced).
grades.csv (one row per student: one column per assignment, the total, the maximum, problems a TA can filter
on) is rebuilt at the end; entries that are not students are named in the summary with the reason.
`--shard i/n` grades a deterministic 1/n of the class; `merge` joins the shards' outputs into one grades.csv.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

from autograder import grading, pool, roster
from autograder.results import grades_csv, write_atomic
from autograder.sandbox import protection

STUDENT_TIMEOUT = 1800  # seconds for one student's whole run: only a grader fault gets near it
CLASS_FILE = "class.json"  # in OUT: the whole class and this run's shard, for `merge`


def run(submissions: str, out: str, *, force: bool = False, jobs: int = 1, only=None, shard: str | None = None) -> int:
    source, out_dir = Path(submissions), Path(out)
    if not source.exists() or not (source.is_dir() or source.suffix == ".zip"):
        return _error(f"SUBMISSIONS={submissions!r} is not a folder or a zip; it should hold one subfolder per student "
                      "(or one zip per student), or be Gradescope's 'Export submissions' zip")
    if out_dir.resolve() == source.resolve():
        return _error("OUT must not be the SUBMISSIONS folder; results would mix with the students' work")
    try:
        index, count = parse_shard(shard)
    except ValueError as exc:
        return _error(str(exc))
    folders = grading.select(only)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        students, skipped = roster.scan(source, out_dir / ".intake")
    except (OSError, ValueError) as exc:
        return _error(f"cannot read {submissions}: {exc}")
    students = [s for s in students if s.source.resolve() != out_dir.resolve()]
    skipped = [k for k in skipped if (source / k.entry).resolve() != out_dir.resolve()]
    if not students:
        return _error(f"{submissions} has no student subfolders or zips" + _skipped_text(skipped))
    everyone = sorted(s.name for s in students)
    mine = [s for s in students if in_shard(s.name, index, count)]
    write_atomic(str(out_dir / CLASS_FILE), json.dumps({"students": everyone, "shard": [index, count],
                                                        "mine": sorted(s.name for s in mine)}, indent=1) + "\n")
    todo = [s for s in mine if force or not _results_path(out_dir, s.name).exists()]
    done_before = len(mine) - len(todo)
    print(f"{len(mine)} student{'s' if len(mine) != 1 else ''} in {submissions}"
          + (f" (shard {index}/{count} of {len(everyone)})" if count > 1 else "")
          + f"; {done_before} already graded{' (FORCE=1 regrades them)' if done_before else ''}; "
          f"grading {len(todo)} with {jobs} parallel jobs", flush=True)
    failures = []
    start = time.monotonic()
    progress = Progress(len(todo))

    def done(student, line, ok):
        if not ok:
            failures.append(student.name)
        progress.step(student.name, line)

    try:
        if todo:
            grading.warm(folders)
            gc.freeze()  # the grader processes forked from here share what is loaded: the collector must not copy it
            with pool.Pool(jobs, STUDENT_TIMEOUT) as workers:
                workers.run(todo, functools.partial(_grade_one, out=out_dir, folders=folders), done)
    except protection.Refused as refused:
        return _error(str(refused))
    except KeyboardInterrupt:
        print("\ninterrupted: the results written so far are kept; run again to continue", file=sys.stderr)
        _write_csv(out_dir, [s.name for s in mine], folders)
        return 130
    progress.close()
    csv_path, rows = _write_csv(out_dir, [s.name for s in mine], folders)
    with_problems = sum(1 for r in rows.values() if _problems(r))
    print(f"wrote {csv_path}: {len(mine)} student{'s' if len(mine) != 1 else ''} graded ({len(todo)} now, {done_before} before), "
          f"{with_problems} with problems, {len(skipped)} entries not graded, in {time.monotonic() - start:.1f} s"
          + _skipped_text(skipped))
    if failures:
        print(f"grader problems for {len(failures)} student(s): {', '.join(failures)}; see their results.json", file=sys.stderr)
        return 1
    return 0


def merge(outs: list[str], target: str) -> int:
    """Join the outputs of every shard of one class into `target`/grades.csv; refuse overlaps and gaps."""
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
    everyone = {tuple(info["students"]) for _, info in classes}
    if len(everyone) != 1:
        return _error("these outputs grade different classes (their student lists differ); merge one class at a time")
    missing = sorted(set(next(iter(everyone))) - set(rows))
    if missing:
        return _error(f"{len(missing)} student(s) are in no shard given: {', '.join(missing[:10])}"
                      f"{' ...' if len(missing) > 10 else ''}; grade and merge every shard")
    ungraded = sorted(name for name, (_, data) in rows.items() if data is None)
    if ungraded:
        return _error(f"{len(ungraded)} student(s) have no results yet: {', '.join(ungraded[:10])}; rerun their shard")
    folders = _folders({name: data for name, (_, data) in rows.items()})
    path = Path(target) / "grades.csv"
    write_atomic(str(path), grades_csv({name: _with_problems(data) for name, (_, data) in rows.items()}, folders))
    print(f"wrote {path} ({len(rows)} rows from {len(outs)} shards)")
    return 0


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
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % count == index - 1


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


def _grade_one(student: roster.Student, zygote, *, out: Path, folders) -> tuple[str, bool]:
    """In a grader process of the pool: grade one student with the slot's zygote and write their results.json."""
    results = _results_path(out, student.name)
    with tempfile.TemporaryDirectory(prefix="ag-student-") as tmp:
        layout = Path(tmp, "submission")
        missing = roster.prepare(student, folders, layout)
        report = grading.grade(str(layout), folders, zygote=zygote)
    data = json.loads(report.to_json())
    data.setdefault("extra_data", {})["intake"] = {"source": str(student.source),
                                                   "nothing_gradable": len(missing) == len(folders), "missing": missing}
    results.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(str(results), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    line = f"Total: {report.score:g} / {report.max_score:g}"
    return ("nothing gradable; " if len(missing) == len(folders) else "") + line, not report.problems


def _results_path(out: Path, student: str) -> Path:
    return out / student / "results.json"


def _read(out: Path, student: str) -> dict | None:
    try:
        return json.loads(_results_path(out, student).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_csv(out: Path, students, folders) -> tuple[str, dict]:
    rows = {s: _with_problems(_read(out, s)) for s in students}
    path = out / "grades.csv"
    write_atomic(str(path), grades_csv(rows, list(folders)))
    return str(path), rows


def _with_problems(data: dict | None) -> dict:
    """results.json's content with extra_data.problems listing what a TA should look at, one phrase each."""
    if data is None:
        return {"extra_data": {"problems": ["not graded yet"]}}
    data = json.loads(json.dumps(data))
    data.setdefault("extra_data", {})["problems"] = _problems(data)
    return data


def _problems(data: dict) -> list[str]:
    extra = data.get("extra_data", {})
    out = list(extra.get("problems", []))
    intake = extra.get("intake", {})
    if intake.get("nothing_gradable"):
        out.append("nothing gradable: no module of any assignment was found")
    counts: dict[tuple[str, str], int] = {}
    for test in data.get("tests", []):
        tag = (test.get("tags") or [""])[0]
        if tag in ("timeout", "resource limit", "crashed", "grader error", "did not run", "not submitted"):
            folder = test["name"].split(":", 1)[0]
            counts[(folder, tag)] = counts.get((folder, tag), 0) + 1
    for (folder, tag), n in counts.items():
        if tag == "not submitted":
            if not intake.get("nothing_gradable"):
                out.append(f"{folder}: not submitted")
        else:
            out.append(f"{folder}: {tag} ({n} test{'s' if n != 1 else ''})")
    return out


def _folders(rows: dict) -> list[str]:
    seen: list[str] = []
    for data in rows.values():
        for folder in (data or {}).get("extra_data", {}).get("assignments", {}):
            if folder not in seen:
                seen.append(folder)
    order = [f for f in grading.select(None) if f in seen]
    return order + [f for f in seen if f not in order]


def _skipped_text(skipped) -> str:
    return "".join(f"\n  not graded: {k.entry}: {k.reason}" for k in skipped)


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
