"""Who is in a class: every entry of SUBMISSIONS becomes a student to grade, or is named with the reason it is not.

SUBMISSIONS may be
- a folder of student folders (`alice/a01_gradients/gradients.py`, or flat: `alice/gradients.py`);
- a folder of student zips (`alice.zip`), or a mix of both;
- Gradescope's "Export submissions": its zip, or the folder it unpacks to (`assignment_<id>_export/` holding
  `submission_<id>/` folders and `submission_metadata.yml`, whose submitters name each student).
In each student's files the module of each assignment is found as Gradescope's intake finds it
(`packaging.otter_plugin.locate`): the module, its folder, or either inside a zip; links are refused.

Every entry gets a name (`student_name`) that is safe as a folder of OUT and as a cell of grades.csv: the entry's
own name when it is plain text, else an escaped form of it with a hash of the original, so that it stays unique
and the same from run to run. Entries that are not graded (links, stray files, hidden folders, a second submission
under one name, what an export zip held that was not unpacked) are `Skipped`, each with its reason.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from autograder.catalogue import lookup
from autograder.intake import MAX_MODULE_BYTES
from autograder.packaging.otter_plugin import MAX_ENTRIES, locate
from autograder.text import inert, inert_name

METADATA = "submission_metadata.yml"
MAX_EXPORT_BYTES = 4 << 30   # an export larger than this when unpacked is refused
MAX_MEMBER_BYTES = 256 << 20  # a file of an export larger than this when unpacked (a zip bomb) is not unpacked
RESERVED = ("grades.csv", "class.json")  # OUT's own files; its other entries (.intake, .tmp-*) begin with a dot
NAME_BYTES = 120             # longer names are shortened (and hashed): OUT/<name>/ must fit the file system
_HASHED = re.compile(r"~[0-9a-f]{10}$")


@dataclass(frozen=True)
class Student:
    name: str    # student_name(): a folder of OUT and the row of grades.csv
    source: Path  # a folder, or a zip file
    entry: str = ""           # the entry of SUBMISSIONS, as named there, shown inertly
    notes: tuple[str, ...] = ()  # what of this student's files an export zip held but was not unpacked, and why


@dataclass(frozen=True)
class Skipped:
    entry: str   # shown inertly
    reason: str
    name: str = ""  # student_name(): the row of grades.csv


def student_name(name: str, *, hashed: bool = False, salt: str = "") -> str:
    """A name for OUT/<name>/ and grades.csv: `name` itself when it is plain, else an escaped form of it with a
    hash of the original (and of `salt`), so that it is unique and the same in every run.

    Plain: valid UTF-8 with no control character, tab or newline; no '/' or '\\'; not beginning with '.', '-',
    '=', '+', '@' or a space (hidden files, command-line options, spreadsheet formulas); not one of OUT's own
    files (`RESERVED`, in any case); at most NAME_BYTES bytes; and not ending as hashed names end (`~` and ten
    hex digits), so that no plain name equals a hashed one.
    """
    if (not hashed and name and inert_name(name) == name and not re.search(r"[/\\]", name)
            and name[0] not in ".-=+@ " and name == name.rstrip() and name.lower() not in RESERVED
            and len(name.encode()) <= NAME_BYTES and not _HASHED.search(name)):
        return name
    shown = re.sub(r"[/\\\s]", "_", inert_name(name)).encode()[:60].decode("utf-8", "ignore")
    if shown[:1] in (".", "-", "=", "+", "@", ""):
        shown = "_" + shown[1:]
    return f"{shown}~{hashlib.sha256(os.fsencode(name) + salt.encode()).hexdigest()[:10]}"


def scan(submissions: Path, workdir: Path) -> tuple[list[Student], list[Skipped]]:
    """The students in `submissions` (a folder or an export zip, unpacked into `workdir`), and what was not a student.

    An entry that cannot be read costs only itself: it is skipped with the reason."""
    refused: dict[str, str] = {}
    if submissions.is_file() and submissions.suffix == ".zip":
        submissions, refused = unpack_export(submissions, workdir / "export")
    roll = _Roll()
    for entry in sorted(submissions.iterdir()):
        rel = entry.name
        try:
            if entry.name.startswith("."):
                roll.skip(rel, "hidden (its name begins with a dot); rename it without the dot to grade it")
            elif entry.is_symlink():
                roll.skip(rel, "a symbolic link: submit a real folder or zip")
            elif entry.is_dir() and (entry / METADATA).is_file():
                names = gradescope_names(entry / METADATA)
                for sub in sorted(entry.iterdir()):
                    inner = f"{rel}/{sub.name}"
                    if sub.is_dir() and not sub.is_symlink():
                        roll.add(names.get(sub.name, sub.name), sub, inner)
                    elif sub.name != METADATA:
                        roll.skip(inner, "not a submission folder")
            elif entry.is_dir():
                roll.add(entry.name, entry, rel)
            elif entry.is_file() and entry.suffix == ".zip":
                roll.add(entry.stem, entry, rel)
            else:
                roll.skip(rel, f"{'a file' if entry.is_file() else 'a special file'}, not a student folder or zip")
        except OSError as exc:
            roll.skip(rel, f"cannot be read ({exc.strerror or exc})")
    return roll.finish(refused)


class _Roll:
    """Students and skipped entries as the scan finds them, each under a name no other has."""

    def __init__(self):
        self.students: dict[str, tuple[Student, str]] = {}  # name -> (student, its path in SUBMISSIONS)
        self.skipped: list[tuple[str, str]] = []             # (path in SUBMISSIONS, reason)

    def add(self, name: str, source: Path, rel: str) -> None:
        key = student_name(name)
        if key in self.students:
            graded = self.students[key][0]
            self.skip(rel, f"a second submission for {key} (graded: {graded.entry})")
        else:
            self.students[key] = (Student(key, source, inert_name(rel)), rel)

    def skip(self, rel: str, reason: str) -> None:
        self.skipped.append((rel, reason))

    def finish(self, refused: dict[str, str]) -> tuple[list[Student], list[Skipped]]:
        """The students, each with the notes of what was refused in their files; every other refusal is skipped."""
        notes: dict[str, list[str]] = {}
        for path, reason in refused.items():
            owner = next((key for key, (_, rel) in self.students.items() if path.startswith(rel + "/")), None)
            if owner is None:
                self.skip(path, reason)
            else:
                notes.setdefault(owner, []).append(f"{inert_name(path)}: {reason}")
        students = [Student(s.name, s.source, s.entry, tuple(notes.get(key, ()))) for key, (s, _) in self.students.items()]
        taken = set(self.students)
        skipped = []
        for rel, reason in self.skipped:
            key, tries = student_name(rel), 0
            while key in taken:  # e.g. a stray file named as a Gradescope submitter: its row is hashed apart
                tries += 1
                key = student_name(rel, hashed=True, salt=str(tries))
            taken.add(key)
            skipped.append(Skipped(inert_name(rel), inert(reason), key))
        return students, skipped


def prepare(student: Student, folders, target: Path) -> tuple[list[str], list[str]]:
    """Lay out `student`'s modules as assignments/ is laid out, in `target`.

    Returns what could not be found, one line per assignment, and what was refused and why (a module over the
    size limit inside a zip, a zip inside a zip, a file the export held that was not unpacked); all shown inertly."""
    missing, refused = [], list(student.notes)
    for folder in folders:
        assignment = lookup(folder)
        try:
            data, note = locate(student.source, folder, assignment.filename)
        except Exception as exc:  # noqa: BLE001 - whatever this student's files hold costs only this student
            data, note = None, f"{assignment.filename} could not be read ({type(exc).__name__}: {exc})"
        (target / folder).mkdir(parents=True, exist_ok=True)
        if data is None:
            missing.append(inert(f"{folder}: {note}"))
            refused += [why for why in passed_over(student.source, assignment.filename) if why not in refused]
        else:
            (target / folder / assignment.filename).write_bytes(data)
    return missing, refused


def passed_over(source: Path, filename: str) -> list[str]:
    """Why `filename` in one of `source`'s zips was not taken: bigger than a module may be once unpacked (a zip
    bomb), or inside a zip inside a zip (never opened). Zips are read, never unpacked."""
    if source.is_file():
        archives = [(source, source.name)]
    else:
        archives = [(path, path.relative_to(source).as_posix()) for path in _zips(source)]
    out = []
    for archive, shown in archives:
        try:
            with zipfile.ZipFile(archive) as zf:
                for info in zf.infolist()[:MAX_ENTRIES]:
                    base = PurePosixPath(info.filename).name
                    if base == filename and info.file_size > MAX_MODULE_BYTES:
                        out.append(f"{shown}:{info.filename} unpacks to {_size(info.file_size)}, more than the "
                                   f"{_size(MAX_MODULE_BYTES)} a module may have; it was not read")
                    elif base.endswith(".zip") and not info.is_dir():
                        out.append(f"{shown}:{info.filename} is a zip inside a zip, which is never opened; "
                                   f"upload {filename} itself or a single zip")
        except (OSError, zipfile.BadZipFile, zlib.error, ValueError, RuntimeError, NotImplementedError):
            out.append(f"{shown} is not a zip that can be read")
    return [inert_name(line) for line in out]


def _zips(folder: Path):
    """The zips in `folder`, not following links or entering hidden folders; at most MAX_ENTRIES entries looked at."""
    seen = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
        seen += len(dirs) + len(files)
        for name in sorted(files):
            path = Path(root, name)
            if name.endswith(".zip") and not name.startswith(".") and path.is_file() and not path.is_symlink():
                yield path
        if seen > MAX_ENTRIES:
            return


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


def unpack_export(archive: Path, target: Path) -> tuple[Path, dict[str, str]]:
    """Unpack a Gradescope export zip into `target`; return the folder, and {member: why it was not unpacked}.

    Nothing is written outside `target`: links, absolute paths and '..' are not unpacked, nor is a file that would
    unpack to more than MAX_MEMBER_BYTES (a zip bomb) or that cannot be read; the folder it was in is still made,
    so that its student is graded and told why. Raises ValueError when the whole export would unpack to more than
    MAX_EXPORT_BYTES: the instructor should unpack it where there is room.
    """
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    total, refused = 0, {}
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            parts = PurePosixPath(info.filename).parts
            if not parts or PurePosixPath(info.filename).is_absolute() or ".." in parts:
                refused[info.filename] = "a path that leads outside the export (absolute, or with '..'): not unpacked"
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                refused[info.filename] = "a symbolic link: not unpacked"
                continue
            path = target.joinpath(*parts)
            try:
                if info.is_dir():
                    path.mkdir(parents=True, exist_ok=True)
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                if info.file_size > MAX_MEMBER_BYTES:
                    refused[info.filename] = (f"unpacks to {_size(info.file_size)}, more than the "
                                              f"{_size(MAX_MEMBER_BYTES)} a file may have: not unpacked")
                    continue
                total += info.file_size
                if total > MAX_EXPORT_BYTES:
                    raise ValueError(f"{archive} unpacks to more than {_size(MAX_EXPORT_BYTES)}; unpack it yourself "
                                     "where there is room and grade the folder")
                with zf.open(info) as src, open(path, "wb") as dst:
                    shutil.copyfileobj(src, dst)
            except (OSError, zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as exc:
                refused[info.filename] = f"could not be unpacked ({type(exc).__name__}: {exc})"
                if path.is_file() and not path.is_symlink():
                    path.unlink()
    return target, refused


def _size(count: int) -> str:
    return f"{count / 2**30:.0f} GB" if count >= 2**30 else f"{count / 2**20:.0f} MB"


def _safe(name: str) -> str:
    """A name usable as a folder: no separators, no leading dots."""
    return re.sub(r"[/\\\x00]", "_", name).lstrip(".") or "unnamed"
