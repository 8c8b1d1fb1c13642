"""`python -m autograder plots`: draw the reference figures, or a submission's own, and say what was skipped.

- No --submission, solutions/ present (an instructor's checkout): the reference solutions, imported here, draw
  into assignments/<folder>/figures/, the figures the handouts embed.
- No --submission and no solutions/ (a student's copy): the student's assignments/ draws into my_figures/.
- --submission DIR: DIR's modules, laid out like assignments/, draw into my_figures/ beside DIR (or --out).
- --figure NAME draws only that figure (what `show("NAME")` in a notebook asks for); --summary FILE also writes
  {"drawn": {name: path}, "skipped": {name: the line that says why}} as JSON, for the notebook to read.

A submission's code runs only in the grading sandbox, one fresh child per figure, after the grader's own intake.
Whatever stops one figure (not implemented, an exception, a timeout, a wrong shape) is one line of output; the other
figures are still drawn. The exit code is 0 whenever drawing completed, 2 when it could not start.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from autograder.catalogue import ROOT, lookup
from autograder.text import inert_name

STUDENT_FOLDER = "my_figures"


def main(submission: str | None = None, out: str | None = None, only: list[str] | None = None,
         figures: list[str] | None = None, summary: str | None = None) -> int:
    from autograder.plots.figures import FIGURES

    try:
        folders = {lookup(name).folder for name in only} if only else None
    except KeyError as exc:
        return _usage(exc.args[0])
    specs = [spec for spec in FIGURES if folders is None or spec.folder in folders]
    if figures:
        missing = [name for name in figures if name not in {spec.name for spec in specs}]
        if missing:
            return _usage(f"--figure {', '.join(missing)}: no such figure"
                          + (f" of {', '.join(sorted(folders))}" if folders else "")
                          + f"; the figures are: {', '.join(spec.name for spec in specs)}")
        specs = [spec for spec in specs if spec.name in figures]
    reference = submission is None and Path(ROOT, "solutions").is_dir()
    if submission is None and not reference:
        submission = str(Path(ROOT, "assignments"))
    if not reference:
        if not os.path.isdir(submission):
            return _usage(f"submission folder {submission!r} does not exist; pass SUBMISSION=DIR, a folder laid out "
                          "like assignments/")
        out = out or str(Path(submission).resolve().parent / STUDENT_FOLDER)
        if _inside(out, Path(ROOT, "assignments")):
            return _usage(f"--out {out!r} is inside assignments/, next to the handouts' own figures; "
                          f"choose another folder (the default is {STUDENT_FOLDER}/)")
        from autograder.sandbox import capabilities

        try:
            capabilities.disabled_from(os.environ)
        except ValueError as exc:
            return _usage(str(exc))

    from autograder.plots import draw

    start = time.perf_counter()
    if reference:
        print(f"drawing {len(specs)} figures from the reference solutions")
        drawn, skipped = draw.reference(specs, out)
    else:
        print(f"drawing {len(specs)} figures from {inert_name(submission)} (its code runs in the grading sandbox)")
        try:
            drawn, skipped = draw.submission(specs, submission, out)
        except draw.Unavailable as exc:
            return _usage(str(exc))
    if summary:
        from autograder.results import write_atomic

        names = {str(path): spec.name for spec in specs for path in drawn if Path(path).name == spec.filename
                 and Path(path).parent.name == spec.folder}
        write_atomic(summary, json.dumps({"drawn": {names[str(path)]: str(Path(path).resolve()) for path in drawn},
                                          "skipped": skipped}, ensure_ascii=False) + "\n")
    where = f" into {inert_name(out)}" if out else ""
    print(f"drew {len(drawn)} of {len(specs)} figures{where} in {time.perf_counter() - start:.1f} s"
          + (f"; {len(skipped)} skipped (above)" if skipped else ""))
    return 0


def _inside(path: str, folder: Path) -> bool:
    path, folder = Path(path).resolve(), folder.resolve()
    return path == folder or folder in path.parents


def _usage(message: str) -> int:
    import sys

    print(f"error: {message}", file=sys.stderr)
    return 2
