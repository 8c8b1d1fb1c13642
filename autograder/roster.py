"""Who is in a class: every entry of SUBMISSIONS becomes a student to grade, or is named with the reason it is not.

SUBMISSIONS may be
- a folder of student folders (`alice/a01_gradients/gradients.py`, or flat: `alice/gradients.py`);
- a folder of student zips (`alice.zip`), or a mix of both;
- Gradescope's "Export submissions": its zip, or the folder it unpacks to (`assignment_<id>_export/` holding
  `submission_<id>/` folders and `submission_metadata.yml`, whose submitters name each student).
In each student's files the module of each assignment is found as Gradescope's intake finds it
(`packaging.otter_plugin.locate`): the module, its folder, or either inside a zip; links are refused.
"""

from __future__ import annotations

import re
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from autograder.catalogue import lookup
from autograder.packaging.otter_plugin import locate

METADATA = "submission_metadata.yml"
MAX_EXPORT_BYTES = 4 << 30  # an export larger than this when unpacked is refused


@dataclass(frozen=True)
class Student:
    name: str
    source: Path  # a folder, or a zip file


@dataclass(frozen=True)
class Skipped:
    entry: str
    reason: str


def scan(submissions: Path, workdir: Path) -> tuple[list[Student], list[Skipped]]:
    """The students in `submissions` (a folder or an export zip, unpacked into `workdir`), and what was not a student."""
    if submissions.is_file() and submissions.suffix == ".zip":
        submissions = unpack_export(submissions, workdir / "export")
    students: dict[str, Student] = {}
    skipped: list[Skipped] = []

    def add(name: str, source: Path, entry: str) -> None:
        if name in students:
            skipped.append(Skipped(entry, f"a second submission for {name} (graded: {students[name].source.name})"))
        else:
            students[name] = Student(name, source)

    for entry in sorted(submissions.iterdir()):
        shown = entry.name
        if entry.name.startswith("."):
            skipped.append(Skipped(shown, "hidden file"))
        elif entry.is_symlink():
            skipped.append(Skipped(shown, "a symbolic link: submit a real folder or zip"))
        elif entry.is_dir() and (entry / METADATA).is_file():
            names = gradescope_names(entry / METADATA)
            for sub in sorted(entry.iterdir()):
                if sub.is_dir() and not sub.is_symlink():
                    add(names.get(sub.name, sub.name), sub, f"{shown}/{sub.name}")
                elif sub.name != METADATA:
                    skipped.append(Skipped(f"{shown}/{sub.name}", "not a submission folder"))
        elif entry.is_dir():
            add(entry.name, entry, shown)
        elif entry.is_file() and entry.suffix == ".zip":
            add(entry.stem, entry, shown)
        else:
            kind = "a file" if entry.is_file() else "a special file"
            skipped.append(Skipped(shown, f"{kind}, not a student folder or zip"))
    return list(students.values()), skipped


def prepare(student: Student, folders, target: Path) -> list[str]:
    """Lay out `student`'s modules as assignments/ is laid out, in `target`; return what could not be found."""
    missing = []
    for folder in folders:
        assignment = lookup(folder)
        data, note = locate(student.source, folder, assignment.filename)
        (target / folder).mkdir(parents=True, exist_ok=True)
        if data is None:
            missing.append(f"{folder}: {note}")
        else:
            (target / folder / assignment.filename).write_bytes(data)
    return missing


def gradescope_names(metadata: Path) -> dict[str, str]:
    """submission_<id> -> the submitters' emails (or student ids), from Gradescope's metadata; {} if unreadable.

    The file is YAML of a fixed shape; reading the few keys needed here does not justify a YAML dependency.
    """
    names: dict[str, list[str]] = {}
    current = None
    try:
        text = metadata.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    for line in text.splitlines():
        top = re.match(r"^(submission_\d+):\s*$", line)
        if top:
            current = top.group(1)
            names[current] = []
            continue
        field = re.match(r"^\s*-?\s*:(email|sid):\s*['\"]?([^'\"]+?)['\"]?\s*$", line)
        if current and field and field.group(2):
            names[current].append((field.group(1), field.group(2)))
    out = {}
    for submission, fields in names.items():
        emails = [v for k, v in fields if k == "email"]
        ids = [v for k, v in fields if k == "sid"]
        chosen = emails or ids
        if chosen:
            out[submission] = _safe("+".join(chosen))
    return out


def unpack_export(archive: Path, target: Path) -> Path:
    """Unpack a Gradescope export zip into `target`, refusing links, absolute paths and '..'; return the folder."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    total = 0
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            parts = PurePosixPath(info.filename).parts
            if info.filename.startswith("/") or ".." in parts or stat.S_ISLNK(info.external_attr >> 16):
                continue
            total += info.file_size
            if total > MAX_EXPORT_BYTES:
                raise ValueError(f"{archive} unpacks to more than {MAX_EXPORT_BYTES >> 30} GB; unpack it yourself")
            path = target.joinpath(*parts)
            if info.is_dir():
                path.mkdir(parents=True, exist_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(path, "wb") as dst:
                shutil.copyfileobj(src, dst)
    return target


def _safe(name: str) -> str:
    """A name usable as a folder: no separators, no leading dots."""
    return re.sub(r"[/\\\x00]", "_", name).lstrip(".") or "unnamed"
