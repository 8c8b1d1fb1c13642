"""What an assignment's notebook calls: `start`, then `check()` and `show("figure")`.

The notebook's first cell finds the course folder (here, or in Google Drive on Colab), puts it on the import path and
runs `check, show = start("a01_gradients")`. Then:

- `check()` grades the assignment's module exactly as `make grade ONLY=<assignment>` does (the same command, in a
  process of its own, the same sandbox, the same suites: in a student's copy the public tests only), and shows the
  same table: rich HTML in Jupyter, the terminal's text elsewhere. `check("fun_dz")` grades only the tests of
  `fun_dz` (`grade --function`). The module is read from disk each time, so an edit is graded by the next check()
  without restarting the kernel.
- `show("gradient_field")` draws that figure from the student's module, run in the sandbox as
  `make plots SUBMISSION=assignments` does, and shows it inline; a figure that cannot be drawn yet shows its one-line
  note instead.

The kernel imports the student's module for exploration (autoreload); grading and drawing never happen in it: they
run in a fresh `python -m autograder` process, which reads only the saved file, and what comes back is plain data
(a JSON report, a PNG the grader drew). Standard library only, besides IPython's display where there is one.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from autograder import outcomes
from autograder.catalogue import ROOT, lookup
from autograder.results import read_report
from autograder.text import inert

GRADE_TIMEOUT = 600  # seconds for one check(): the sandbox's own limits end a hung test long before
NEEDED = ("numpy", "matplotlib", "pytest")  # what grading imports (requirements.txt pins them)


class Stop(Exception):
    """A problem the student can fix, said in one sentence: IPython shows the sentence and no traceback."""

    def _render_traceback_(self):
        return [str(self)]


def start(folder: str, course: str | os.PathLike = ROOT):
    """Get the notebook of assignment `folder` ready: change into its folder (so that `import <module>` finds the
    student's file), install what grading needs if this Python lacks it (Colab has it all), and return the
    assignment's (check, show)."""
    try:
        assignment = lookup(folder)
    except KeyError as exc:
        raise Stop(exc.args[0]) from None
    where = Path(course, "assignments", assignment.folder)
    if not where.is_dir():
        raise Stop(f"{where} is missing: this course folder has no {assignment.folder}; unpack the course again "
                   "(your own files stay where they are) and run the first cell again")
    _install_missing(Path(course))
    os.chdir(where)
    if str(where) not in sys.path:
        sys.path.insert(0, str(where))
    notebook = Notebook(assignment.folder, course)
    _display(Text(f"Ready: {assignment.folder}. Edit {assignment.filename} (beside this notebook) and save it; "
                  f"check() grades it as make grade does, check(\"{assignment.names[0]}\") one function."))
    return notebook.check, notebook.show


class Notebook:
    """check() and show() for one assignment of the course folder `course`."""

    def __init__(self, folder: str, course: str | os.PathLike = ROOT):
        self.assignment = lookup(folder)
        self.course = Path(course)

    def check(self, *functions: str) -> None:
        """Grade the assignment (or only the tests of `functions`) as make grade does, and show the table."""
        unknown = [name for name in functions if name not in self.assignment.names]
        if unknown:
            raise Stop(f"check({', '.join(map(repr, unknown))}): {self.assignment.folder} has no function "
                       f"{', '.join(unknown)}; its functions are: {', '.join(self.assignment.names)}")
        with tempfile.TemporaryDirectory(prefix="gd-check-") as tmp:
            report_path = os.path.join(tmp, "report.json")
            command = ["grade", "--submission", str(self.course / "assignments"), "--only", self.assignment.folder,
                       "--report", report_path, "--quiet"]
            for name in functions:
                command += ["--function", name]
            proc = self._run(command)
            if not os.path.exists(report_path):
                raise Stop(f"grading could not run (exit {proc.returncode}): {inert(proc.stderr.strip()[-600:])}")
            report = read_report(report_path)
        _display(Table(report))

    def show(self, figure: str) -> None:
        """Draw `figure` from the student's module in the sandbox, and show it, or the note that says why not.
        (The figures are not imported here: drawing them needs matplotlib's file backend, not the notebook's.)"""
        with tempfile.TemporaryDirectory(prefix="gd-show-") as tmp:
            summary_path = os.path.join(tmp, "summary.json")
            proc = self._run(["plots", "--submission", str(self.course / "assignments"), "--only",
                              self.assignment.folder, "--figure", figure, "--out", os.path.join(tmp, "figures"),
                              "--summary", summary_path])
            if proc.returncode == 2 and "no such figure" in proc.stderr:
                raise Stop(f"show({figure!r}): {inert(proc.stderr.strip().removeprefix('error: --figure '))}")
            if not os.path.exists(summary_path):
                raise Stop(f"drawing could not run (exit {proc.returncode}): {inert(proc.stderr.strip()[-600:])}")
            with open(summary_path, encoding="utf-8") as fh:
                summary = json.load(fh)
            if figure in summary.get("drawn", {}):
                with open(summary["drawn"][figure], "rb") as fh:
                    _display(Figure(fh.read(), figure))
            else:
                _display(Text(summary.get("skipped", {}).get(figure, f"{figure} was not drawn")))

    def _run(self, arguments: list[str]) -> subprocess.CompletedProcess:
        """`python -m autograder ARGUMENTS` in the course folder, with this kernel's Python."""
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME",
                                                                              "PYTHONSTARTUP")}
        env["MPLBACKEND"] = "Agg"  # the kernel's inline backend is no backend outside it
        return subprocess.run([sys.executable, "-m", "autograder", *arguments], cwd=self.course, env=env,
                              capture_output=True, text=True, timeout=GRADE_TIMEOUT)


# --------------------------------------------------------------------------- what is shown


class Text:
    """One line, inert: as text everywhere."""

    def __init__(self, text: str):
        self.text = inert(text)

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.text)}</p>"


class Figure:
    """A PNG the grader drew: an image in Jupyter, a line elsewhere."""

    def __init__(self, png: bytes, name: str):
        self.png, self.name = png, name

    def __repr__(self) -> str:
        return f"<figure {self.name}: {len(self.png)} bytes of PNG; a notebook shows it>"

    def _repr_png_(self) -> bytes:
        return self.png


LABEL_COLOURS = {outcomes.PASSED: "#1a7f37"}  # every other outcome: red


class Table:
    """The table of `make grade`: that same text outside Jupyter, an HTML table in it."""

    def __init__(self, report):
        self.report = report

    def __repr__(self) -> str:
        from autograder import feedback

        return feedback.table(self.report)

    def _repr_html_(self) -> str:
        report, rows = self.report, []
        notes = "".join(f"<p>{_html(line)}</p>" for line in report.notes)
        for folder, (score, total) in report.totals().items():
            rows.append(f'<tr><th colspan="3" style="text-align:left">{_html(folder)}</th>'
                        f'<th style="text-align:right">{score:g} / {total:g}</th></tr>')
            for test in report.by_assignment()[folder]:
                label = outcomes.Outcome(test.status).label
                colour = LABEL_COLOURS.get(test.status, "#cf222e")
                message = f"<pre style=\"margin:0;white-space:pre-wrap\">{_html(test.message)}</pre>" if (
                    test.status != outcomes.PASSED and test.message) else ""
                rows.append(f'<tr><td style="color:{colour};font-weight:bold">{_html(label)}</td>'
                            f'<td style="text-align:left">{_html(test.name)}{message}</td><td></td>'
                            f'<td style="text-align:right">{test.score:g} / {test.max_score:g}</td></tr>')
        problems = "".join(f"<p><b>{_html(line)}</b></p>" for line in report.problems)
        return (f"{notes}<table>{''.join(rows)}</table>{problems}"
                f"<p><b>Total: {report.score:g} / {report.max_score:g}</b></p>")


def _html(text) -> str:
    return html.escape(inert(text))  # the submission's text: shown, never obeyed


def _display(thing) -> None:
    try:
        from IPython.display import display
    except ImportError:  # plain Python: the text
        print(repr(thing))
        return
    display(thing)


def _install_missing(course: Path) -> None:
    """pip install, pinned as requirements.txt pins them, only the packages grading needs that this Python cannot
    import (Colab has every one of them: nothing is installed there)."""
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if not missing:
        return
    pins = {}
    requirements = course / "requirements.txt"
    if requirements.is_file():
        for line in requirements.read_text(encoding="utf-8").splitlines():
            name = line.split("#", 1)[0].strip().split("==", 1)[0].strip().lower()
            if name:
                pins[name] = line.split("#", 1)[0].strip()
    wanted = [pins.get(name, name) for name in missing]
    _display(Text(f"installing {', '.join(wanted)} (this Python does not have them)"))
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *wanted], capture_output=True, text=True)
    if proc.returncode != 0:
        raise Stop(f"could not install {', '.join(wanted)}: {inert(proc.stderr.strip()[-400:])}; install them into "
                   "this notebook's Python yourself and run the first cell again")
