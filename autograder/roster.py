"""Who is in a class, and which of their files is graded for each assignment.

SUBMISSIONS may be a folder or a zip holding any mix of
- student folders (`alice/a01_gradients/gradients.py`, or flat: `alice/gradients.py`) and student zips (`alice.zip`):
  one student each, every assignment taken from it;
- Gradescope exports (exports.py), zipped or unpacked, one per assignment or several assignments in one, or several
  in one zip. Each submission counts for each of its submitters (a group's counts for every member); the same person
  in several exports (by email or SID) is one student; for each student and assignment the latest submission by
  `:created_at:` counts, and the choice is recorded (`Upload`). SUBMISSIONS may also be one export itself.
An export holds the assignments whose module is found in at least half as many of its submissions as the module
found most often, counting only the submissions that hold a single module when they are at least half of them: a01's
export holds a01 even when some students uploaded every module, and an export of one Gradescope assignment for the
whole course holds them all. The summary says what each export was taken to hold.
In a student's files the module of each assignment is found as Gradescope's intake finds it
(`packaging.otter_plugin.locate`): the module, its folder, or either inside a zip; links are refused.

Every student gets a name (`student_name`) that is safe as a folder of OUT and as a cell of grades.csv: the
entry's own name (a folder, a zip's stem, the submitters' email or else SID) when it is plain text, else an escaped
form of it with a hash of the original, so that it stays unique and the same from run to run. What is not graded
(links, stray files, hidden folders, a second folder under one name, an export that cannot be read, a submission
with no student, what an export zip held that was not unpacked) is `Skipped`, each with its reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from autograder import exports
from autograder.catalogue import CATALOGUE, lookup
from autograder.exports import METADATA, Submitter
from autograder.intake import MAX_MODULE_BYTES
from autograder.packaging.otter_plugin import MAX_ENTRIES, locate
from autograder.text import inert, inert_name

RESERVED = ("grades.csv", "class.json", "canvas.csv")  # OUT's own files; its others (.intake, .tmp-*) begin with a dot
NAME_BYTES = 120             # longer names are shortened (and hashed): OUT/<name>/ must fit the file system
_HASHED = re.compile(r"~[0-9a-f]{10}$")
_OLDEST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Upload:
    """What is graded for one student and one assignment: a folder or zip, and where it came from."""

    source: Path
    shown: str                     # where it is in SUBMISSIONS, inert: 'a01.zip:assignment_1_export/submission_7'
    submission: str = ""           # Gradescope's submission_<id>; '' for a student folder or zip
    time: str = ""                 # its :created_at: (exports.shown_time); '' when unknown
    older: tuple[str, ...] = ()    # the same student's other submissions of the assignment, newest first: not graded
    notes: tuple[str, ...] = ()    # what of it an export zip held but did not unpack, and why


@dataclass(frozen=True)
class Student:
    name: str                      # student_name(): a folder of OUT and the row of grades.csv
    source: Path | None = None     # a student folder or zip (None for a student from exports)
    entry: str = ""                # what of SUBMISSIONS the row is about, shown inertly
    notes: tuple[str, ...] = ()    # what of a student folder's files an export zip held but did not unpack, and why
    person: Submitter = Submitter()  # from Gradescope's metadata: name, sid, email ('' each for a student folder)
    uploads: tuple[tuple[str, Upload], ...] | None = None  # per assignment, for a student from exports

    def upload(self, folder: str) -> Upload | None:
        """What is graded for `folder`: the student's folder or zip, their latest submission of it, or None."""
        if self.uploads is None:
            return Upload(self.source, self.entry, notes=self.notes)
        return dict(self.uploads).get(folder)


@dataclass(frozen=True)
class Skipped:
    entry: str   # shown inertly
    reason: str
    name: str = ""  # student_name(): the row of grades.csv


@dataclass
class Class:
    students: list[Student]
    skipped: list[Skipped]
    exports: list[str] = field(default_factory=list)  # one line per export: what it was taken to hold


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


def scan(submissions: Path, workdir: Path, folders=None) -> Class:
    """The class in `submissions` (a folder, or a zip unpacked into `workdir`), with `folders` the assignments
    graded (all by default: they only shape each row's entry).

    An entry that cannot be read costs only itself: it is skipped with the reason. Raises ValueError (or what
    zipfile raises) only when `submissions` itself is a zip that cannot be unpacked."""
    roll = _Roll(workdir)
    shutil.rmtree(workdir / "exports", ignore_errors=True)  # what an earlier run unpacked
    if submissions.is_file():
        roll.unpacked(submissions, workdir / "export", prefix="", top=True)
    else:
        roll.folder(submissions, prefix="", top=True)
    return roll.finish(list(folders or [a.folder for a in CATALOGUE]))


@dataclass
class _Export:
    shown: str                       # as the instructor finds it: 'a01.zip:assignment_1_export', 'assignment_1_export'
    folder: Path                     # unpacked
    prefix: str                      # how paths below `folder` are shown


@dataclass
class _Submission:
    id: str
    folder: Path
    shown: str
    people: tuple[Submitter, ...]
    time: datetime | None
    notes: tuple[str, ...]
    holds: tuple[str, ...] = ()      # the assignments its export holds

    @property
    def order(self):
        return self.time or _OLDEST, int(self.id.split("_")[1])


class _Roll:
    """Students, exports and skipped entries as the scan finds them."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.plain: list[tuple[str, Path, str]] = []      # (name, source, its path in SUBMISSIONS)
        self.exports: list[_Export] = []
        self.skipped: list[tuple[str, str]] = []           # (path in SUBMISSIONS, reason)
        self.refused: dict[str, str] = {}                  # path in SUBMISSIONS -> why it was not unpacked
        self.unpacked_zips = 0

    def skip(self, rel: str, reason: str) -> None:
        self.skipped.append((rel, reason))

    # ----------------------------------------------------------------------- finding entries

    def folder(self, root: Path, prefix: str, top: bool, name: str = "") -> None:
        """The entries of `root` (shown as `name`): exports, student folders and zips (only when `top`), or what is
        skipped. `root` may be an export itself."""
        if exports.is_export_folder(root):
            self.exports.append(_Export(prefix.rstrip(":/") or name or root.name, root, prefix))
            return
        for entry in sorted(root.iterdir()):
            rel = prefix + entry.name
            try:
                if entry.name.startswith("."):
                    self.skip(rel, "hidden (its name begins with a dot); rename it without the dot to grade it")
                elif entry.name == "__MACOSX":
                    self.skip(rel, "what macOS adds to the zips it makes, not a student")
                elif entry.is_symlink():
                    self.skip(rel, "a symbolic link: submit a real folder or zip")
                elif entry.is_dir() and exports.is_export_folder(entry):
                    self.exports.append(_Export(rel, entry, rel + "/"))
                elif entry.is_dir() and top:
                    self.plain.append((entry.name, entry, rel))
                elif entry.is_file() and entry.suffix == ".zip" and top:
                    self.zip(entry, rel)
                elif top:
                    self.skip(rel, f"{'a file' if entry.is_file() else 'a special file'}, not a student folder or zip")
                else:
                    self.skip(rel, "not part of a Gradescope export (no submission_metadata.yml beside it)")
            except OSError as exc:
                self.skip(rel, f"cannot be read ({exc.strerror or exc})")

    def zip(self, archive: Path, rel: str) -> None:
        """A zip in SUBMISSIONS: a student's own, or one or several exports (then unpacked)."""
        try:
            kind = exports.zip_kind(archive)
        except exports.ZIP_ERRORS as exc:
            self.skip(rel, f"not a zip that can be read ({type(exc).__name__}: {exc}); is it whole? download it again")
            return
        if kind == "empty":
            self.skip(rel, "an empty zip: nothing in it to grade")
            return
        if kind == "other":
            self.plain.append((archive.stem, archive, rel))
            return
        self.unpacked_zips += 1
        try:
            self.unpacked(archive, self.workdir / "exports" / str(self.unpacked_zips), prefix=rel + ":", top=False)
        except ValueError as exc:
            self.skip(rel, str(exc))
        except exports.ZIP_ERRORS as exc:
            self.skip(rel, f"not a zip that can be read ({type(exc).__name__}: {exc}); is it whole? download it again")

    def unpacked(self, archive: Path, target: Path, prefix: str, top: bool) -> None:
        refused = exports.unpack(archive, target)
        for member, reason in refused.items():
            self.refused[prefix + member] = reason
        self.folder(target, prefix, top, archive.name)
        if not any(target.iterdir()):
            self.skip(prefix.rstrip(":") or archive.name, "an empty zip: nothing in it to grade")

    # ----------------------------------------------------------------------- exports

    def submissions(self, export: _Export) -> list[_Submission]:
        """The submissions of `export` that have a student; each other thing in it is skipped with the reason."""
        metadata = export.folder / METADATA
        if not metadata.is_file():
            self.skip(export.shown, f"a Gradescope export without {METADATA}: its submissions cannot be matched to "
                                    "students; download the export again (Gradescope: Export Submissions)")
            return []
        try:
            meta = exports.read_metadata_file(metadata)
        except (exports.MetadataError, OSError) as exc:
            self.skip(export.shown, f"{exc}; its submissions cannot be matched to students: download the export "
                                    "again, or fix that line")
            return []
        found, folders = [], {}
        for child in sorted(export.folder.iterdir()):
            rel = export.prefix + child.name
            if child.name == METADATA:
                continue
            if exports.SUBMISSION.fullmatch(child.name) and child.is_dir() and not child.is_symlink():
                folders[child.name] = child
            elif not child.name.startswith(".") and child.name != "__MACOSX":
                self.skip(rel, "not a submission folder of the export")
        if not folders and not meta:
            self.skip(export.shown, "an empty export: no submission in it")
        for key in sorted(folders, key=lambda k: int(k.split("_")[1])):
            rel = export.prefix + key
            entry = meta.get(key)
            if entry is None:
                self.skip(rel, f"not in {METADATA}, so there is no student to credit; download the export again")
            elif not any(p.name or p.sid or p.email for p in entry.submitters):
                self.skip(rel, f"no submitter in {METADATA}, so there is no student to credit")
            else:
                notes = tuple(f"{inert_name(path)}: {why}" for path, why in self.refused.items()
                              if path.startswith(rel + "/"))
                found.append(_Submission(key, folders[key], rel, entry.submitters, entry.created_at, notes))
        for key in sorted(set(meta) - set(folders), key=lambda k: int(k.split("_")[1])):
            self.skip(export.prefix + key, f"in {METADATA} but not in the export: nothing to grade")
        return found

    def holds(self, export: _Export, subs: list[_Submission]) -> tuple[str, ...]:
        """The assignments `export` holds: each whose module is found in at least half as many of its submissions
        as the module found most often. When at least half of the submissions that hold a module hold only one (as
        students upload to one assignment's page), only those are counted: a few who uploaded every module to a01
        do not make a01's export an a02 one too."""
        found = []
        for sub in subs:
            mine = set()
            for a in CATALOGUE:
                try:
                    data, _ = locate(sub.folder, a.folder, a.filename)
                except Exception:  # noqa: BLE001 - a file that cannot be read holds nothing
                    data = None
                if data is not None:
                    mine.add(a.folder)
            if mine:
                found.append(mine)
        singles = [mine for mine in found if len(mine) == 1]
        counted = singles if 2 * len(singles) >= len(found) else found
        counts = {a.folder: sum(a.folder in mine for mine in counted) for a in CATALOGUE}
        most = max(counts.values(), default=0)
        return tuple(folder for folder, n in counts.items() if n and 2 * n >= most)

    # ----------------------------------------------------------------------- the class

    def finish(self, folders: list[str]) -> Class:
        lines, subs = [], []
        for export in self.exports:
            found = self.submissions(export)
            if not found:
                continue
            holds = self.holds(export, found)
            if not holds:
                names = ", ".join(a.filename for a in CATALOGUE)
                self.skip(export.shown, f"none of its {len(found)} submissions holds a module of these assignments "
                                        f"({names}): not an export of them")
                continue
            for sub in found:
                sub.holds = holds
            subs += found
            lines.append(inert(f"{export.shown}: {', '.join(holds)} ({len(found)} submission"
                               f"{'s' if len(found) != 1 else ''})"))
        taken: set[str] = set()
        students = []
        for name, source, rel in self.plain:
            key = student_name(name)
            if key in taken:
                graded = next(s for s in students if s.name == key)
                self.skip(rel, f"a second submission for {key} (graded: {graded.entry})")
                continue
            taken.add(key)
            notes = tuple(f"{inert_name(path)}: {why}" for path, why in self.refused.items()
                          if path.startswith(rel + "/"))
            students.append(Student(key, source, inert_name(rel), notes))
        students += self.people(subs, folders, taken)
        owned = [rel for _, _, rel in self.plain] + [sub.shown for sub in subs]
        skipped = []
        for path, reason in self.refused.items():
            if not any(path.startswith(rel + "/") for rel in owned):
                self.skip(path, reason)
        for rel, reason in self.skipped:
            key, tries = student_name(rel), 0
            while key in taken:  # e.g. a stray file named as a student: its row is hashed apart
                tries += 1
                key = student_name(rel, hashed=True, salt=str(tries))
            taken.add(key)
            skipped.append(Skipped(inert_name(rel), inert(reason), key))
        return Class(students, skipped, lines)

    def people(self, subs: list[_Submission], folders: list[str], taken: set[str]) -> list[Student]:
        """One student per person in the exports' metadata (the same email or SID is the same person), with the
        latest submission of each assignment their exports hold."""
        parent: dict[tuple, tuple] = {}

        def root(key):
            while parent.setdefault(key, key) != key:
                key = parent[key]
            return key

        def keys(person: Submitter):
            found = [("email", person.email.casefold())] if person.email else []
            found += [("sid", person.sid)] if person.sid else []
            return found or [("name", person.name)]

        for sub in subs:
            for person in sub.people:
                first, *rest = keys(person)
                for other in rest:
                    parent[root(other)] = root(first)
        members: dict[tuple, list[tuple[_Submission, Submitter]]] = {}
        for sub in subs:
            for person in sub.people:
                if person.name or person.sid or person.email:
                    members.setdefault(root(keys(person)[0]), []).append((sub, person))
        students = []
        for group in members.values():
            group.sort(key=lambda pair: pair[0].order, reverse=True)  # newest first: its name, sid, email win
            person = Submitter(*(next((getattr(p, f) for _, p in group if getattr(p, f)), "")
                                 for f in ("name", "sid", "email")))
            key = student_name(person.email or person.sid or person.name)
            tries = 0
            while key in taken:
                tries += 1
                key = student_name(person.email or person.sid or person.name, hashed=True, salt=str(tries))
            taken.add(key)
            uploads = {}
            for folder in [a.folder for a in CATALOGUE]:
                mine = list({sub.id: sub for sub, _ in group if folder in sub.holds}.values())
                if mine:
                    latest, *older = mine  # already newest first
                    passed = tuple(f"{o.id} ({exports.shown_time(o.time) or 'no time'})" for o in older)
                    uploads[folder] = Upload(latest.folder, inert_name(latest.shown), latest.id,
                                             exports.shown_time(latest.time), passed, latest.notes)
            shown = [f for f in folders if f in uploads] or list(uploads)
            entry = "; ".join(f"{f}: {uploads[f].shown}" + _when(uploads[f]) for f in shown)
            students.append(Student(key, None, entry, (), Submitter(*(inert(getattr(person, f)) for f in
                                                                      ("name", "sid", "email"))),
                                    tuple(uploads.items())))
        return students


def _when(upload: Upload) -> str:
    """' (2026-02-03 18:00:00 UTC, latest of 2)', as the entry column shows a submission's time and rank."""
    parts = [upload.time] if upload.time else []
    parts += [f"latest of {len(upload.older) + 1}"] if upload.older else []
    return f" ({', '.join(parts)})" if parts else ""


# --------------------------------------------------------------------------- what is graded


@dataclass
class Intake:
    """What `prepare` found for one student: lines for their output, and per assignment what was graded."""

    missing: list[str] = field(default_factory=list)   # one line per assignment with nothing to grade
    refused: list[str] = field(default_factory=list)   # what was not read, and why
    assignments: dict[str, dict] = field(default_factory=dict)  # folder -> state, file, from, submission, ...
    digests: dict[str, str] = field(default_factory=dict)       # folder -> sha256 of the module graded, or ''


def prepare(student: Student, folders, target: Path | None) -> Intake:
    """Lay out `student`'s modules as assignments/ is laid out, in `target` (or only look, when None).

    Per assignment, `Intake.assignments` says its state ('graded'; 'not submitted': no module, or no submission
    of it; 'nothing gradable': a submission of it without its module), the file graded as the submission names it
    (locate's note, e.g. 'Graded hw.zip:gradients.py from your submission.'), and for exports which submission,
    of what time, and the older ones passed over. All text is inert."""
    intake = Intake(refused=list(student.notes))
    for folder in folders:
        assignment = lookup(folder)
        upload = student.upload(folder)
        if target is not None:
            (target / folder).mkdir(parents=True, exist_ok=True)
        if upload is None:
            intake.missing.append(f"{folder}: not submitted: no submission of it from you in the exports graded")
            intake.assignments[folder] = {"state": "not submitted"}
            intake.digests[folder] = ""
            continue
        try:
            data, note = locate(upload.source, folder, assignment.filename)
        except Exception as exc:  # noqa: BLE001 - whatever this student's files hold costs only this student
            data, note = None, f"{assignment.filename} could not be read ({type(exc).__name__}: {exc})"
        intake.refused += [why for why in upload.notes if why not in intake.refused]
        info = {"state": "graded", "file": inert(note), "from": upload.shown}
        if upload.submission:
            info.update(submission=upload.submission, created_at=upload.time, older=list(upload.older))
        if data is None:
            info["state"] = "nothing gradable" if student.uploads is not None else "not submitted"
            where = f" ({upload.submission})" if upload.submission else ""
            intake.missing.append(inert(f"{folder}: {note}{where}"))
            intake.refused += [why for why in passed_over(upload.source, assignment.filename)
                               if why not in intake.refused]
        elif target is not None:
            (target / folder / assignment.filename).write_bytes(data)
        intake.assignments[folder] = info
        intake.digests[folder] = hashlib.sha256(data).hexdigest() if data is not None else ""
    return intake


def fingerprint(student: Student, intake: Intake, suites: dict[str, str]) -> str:
    """What a student's grade depends on, as one hash: the content of each module graded (not its name or place),
    the submission chosen for each assignment and its time, who the student is, the assignments graded and their
    suites (`suites`: folder -> hash of its tests, drivers and reference). A rerun regrades when it differs."""
    state = {"student": [student.person.name, student.person.sid, student.person.email],
             "modules": intake.digests, "suites": {f: suites.get(f, "") for f in intake.digests},
             "chosen": {f: [info.get("submission", ""), info.get("created_at", "")]
                        for f, info in intake.assignments.items()}}
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()


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


def _size(count: int) -> str:
    return exports.size_text(count)
