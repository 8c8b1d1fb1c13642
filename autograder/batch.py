"""Grade a class: every subfolder of SUBMISSIONS is one student, graded in its own process on all cores.

Each student's results.json is written atomically as soon as that student is done, so an interrupted run
loses nothing already written, and a rerun skips students that have results (unless forced).
grades.csv (one row per student, one column per assignment, then the total) is rebuilt at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

from autograder import grading
from autograder.results import grades_csv, write_atomic
from autograder.sandbox.client import ENGINE_ROOT

STUDENT_TIMEOUT = 1800  # seconds for one student's whole run: only a grader fault gets near it


def run(submissions: str, out: str, *, force: bool = False, jobs: int = 1, only=None) -> int:
    if not os.path.isdir(submissions):
        print(f"error: SUBMISSIONS={submissions!r} is not a folder; it should hold one subfolder per student",
              file=sys.stderr)
        return 2
    if os.path.realpath(out) == os.path.realpath(submissions):
        print("error: OUT must not be the SUBMISSIONS folder; results would mix with the students' work", file=sys.stderr)
        return 2
    folders = grading.select(only)
    students = sorted(e.name for e in os.scandir(submissions) if e.is_dir(follow_symlinks=False)
                      and not e.name.startswith(".") and os.path.realpath(e.path) != os.path.realpath(out))
    if not students:
        print(f"error: {submissions} has no student subfolders", file=sys.stderr)
        return 2
    todo = [s for s in students if force or not os.path.exists(_results_path(out, s))]
    skipped = len(students) - len(todo)
    print(f"{len(students)} student{'s' if len(students) != 1 else ''} in {submissions}; {skipped} already graded"
          f"{' (FORCE=1 regrades them)' if skipped else ''}; grading {len(todo)} with {jobs} parallel jobs", flush=True)
    failures = []
    start = time.monotonic()
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(_grade_one, os.path.join(submissions, s), _results_path(out, s), folders): s for s in todo}
            for done, future in enumerate(as_completed(futures), start=1):
                student = futures[future]
                line, ok = future.result()
                if not ok:
                    failures.append(student)
                eta = (time.monotonic() - start) / done * (len(todo) - done)
                print(f"[{done}/{len(todo)}] {student}: {line}  (about {eta:.0f} s left)", flush=True)
    except KeyboardInterrupt:
        print("\ninterrupted: the results written so far are kept; run again to continue", file=sys.stderr)
        _write_csv(out, students, folders)
        return 130
    csv_path = _write_csv(out, students, folders)
    print(f"wrote {csv_path} ({len(students)} rows) in {time.monotonic() - start:.1f} s")
    if failures:
        print(f"grader problems for {len(failures)} student(s): {', '.join(failures)}; see their results.json", file=sys.stderr)
        return 1
    return 0


def _grade_one(submission: str, results: str, folders) -> tuple[str, bool]:
    cmd = [sys.executable, "-m", "autograder", "grade", "--submission", submission, "--results", results, "--quiet"]
    for folder in folders:
        cmd += ["--only", folder]
    try:
        proc = subprocess.run(cmd, cwd=ENGINE_ROOT, capture_output=True, text=True, timeout=STUDENT_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"grader error: no result within {STUDENT_TIMEOUT} s", False
    if not os.path.exists(results):
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        return f"grader error (exit {proc.returncode}): {detail[0]}", False
    return proc.stdout.strip().splitlines()[-1], proc.returncode == 0


def _results_path(out: str, student: str) -> str:
    return os.path.join(out, student, "results.json")


def _write_csv(out: str, students, folders) -> str:
    rows = {}
    for student in students:
        try:
            with open(_results_path(out, student), encoding="utf-8") as fh:
                rows[student] = json.load(fh)
        except (OSError, ValueError):
            rows[student] = {"extra_data": {"problems": ["not graded yet"]}}
    path = os.path.join(out, "grades.csv")
    write_atomic(path, grades_csv(rows, list(folders)))
    return path
