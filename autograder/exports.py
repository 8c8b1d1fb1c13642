"""Gradescope's "Export Submissions": which folders and zips are exports, unpacking them, and reading their metadata.

An export is a folder `assignment_<id>_export/` (or a zip of it, with or without that top folder) holding one
`submission_<id>/` folder per submission and `submission_metadata.yml`, which Gradescope (Ruby) writes as YAML:

    submission_100002:
      :submitters:
      - :name: Ada Lovelace
        :sid: '7'
        :email: ada@uni.edu
      :created_at: 2026-02-03 10:00:00.123456000 -08:00
      :score: 26.0
      :results: ...

`read_metadata` reads the subset of YAML Gradescope writes there, strictly: each submission's submitters (name,
sid, email) and its time; every other key (`:score:`, `:results:`, `:history:`, ...) is passed over by its
indentation, unread. Quoting (single, double with escapes, `!binary`), block and multi-line scalars, anchors and
aliases, and a `:created_at:` written as a bare timestamp or as an ActiveSupport time with a `utc:` key are
understood; anything else in the parts read is a `MetadataError` naming the line, never a guess. No YAML library is
needed for this, and none is a dependency of grading.
"""

from __future__ import annotations

import base64
import binascii
import re
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath

METADATA = "submission_metadata.yml"
SUBMISSION = re.compile(r"submission_(\d+)")
EXPORT = re.compile(r"assignment_\d+_export")
MAX_EXPORT_BYTES = 4 << 30   # an export larger than this when unpacked is refused
MAX_MEMBER_BYTES = 256 << 20  # a file of an export larger than this when unpacked (a zip bomb) is not unpacked
MAX_METADATA_BYTES = 64 << 20
ZIP_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError)


class MetadataError(ValueError):
    """submission_metadata.yml is not what Gradescope writes; the message names the line."""


@dataclass(frozen=True)
class Submitter:
    name: str = ""
    sid: str = ""
    email: str = ""


@dataclass(frozen=True)
class Meta:
    """One submission's entry in submission_metadata.yml."""

    submitters: tuple[Submitter, ...] = ()
    created_at: datetime | None = None  # aware, in UTC


def shown_time(moment: datetime | None) -> str:
    """`moment` as results.json and grades.csv show it: '2026-02-03 18:00:00 UTC', or '' when unknown."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC") if moment else ""


# --------------------------------------------------------------------------- which entries are exports


def is_export_folder(folder: Path) -> bool:
    """A folder Gradescope's export unpacks to: it holds the metadata, is named `assignment_<id>_export`, or holds
    `submission_<id>` folders and nothing else (an export whose metadata is missing)."""
    try:
        if (folder / METADATA).is_file() or EXPORT.fullmatch(folder.name):
            return True
        children = [c for c in folder.iterdir() if not c.name.startswith(".") and c.name != "__MACOSX"]
    except OSError:
        return False
    return bool(children) and all(SUBMISSION.fullmatch(c.name) and c.is_dir() for c in children)


def zip_kind(archive: Path) -> str:
    """'export' for a zip of one or several exports (it holds the metadata or `submission_<id>/` folders at the top
    or one or two folders down), 'empty' for a zip of nothing, 'other' for any other (a student's). Raises what
    zipfile raises for a zip that cannot be read."""
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
    for name in names[:100_000]:
        parts = PurePosixPath(name).parts
        if parts and parts[-1] == METADATA and len(parts) <= 3:
            return "export"
        if any(SUBMISSION.fullmatch(part) for part in parts[:3][:len(parts) - 1]):
            return "export"
    return "other" if names else "empty"


def unpack(archive: Path, target: Path) -> dict[str, str]:
    """Unpack an export zip into `target`; return {member: why it was not unpacked}.

    Nothing is written outside `target`: links, absolute paths and '..' are not unpacked, nor is a file that would
    unpack to more than MAX_MEMBER_BYTES (a zip bomb) or that cannot be read; the folder it was in is still made,
    so that its student is graded and told why. Raises ValueError when the zip is encrypted, or would unpack to more
    than MAX_EXPORT_BYTES in all, and what zipfile raises when it cannot be read at all (truncated, not a zip).
    """
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    total, refused = 0, {}
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        if any(info.flag_bits & 0x1 for info in infos):
            raise ValueError(f"{archive.name} is encrypted; unpack it yourself with its password and grade the folder")
        for info in infos:
            parts = PurePosixPath(info.filename).parts
            if not parts or PurePosixPath(info.filename).is_absolute() or ".." in parts:
                refused[info.filename] = "a path that leads outside the export (absolute, or with '..'): not unpacked"
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                refused[info.filename] = "a symbolic link: not unpacked"
                continue
            path = target.joinpath(*parts)
            if not info.is_dir() and info.file_size <= MAX_MEMBER_BYTES:
                total += info.file_size
                if total > MAX_EXPORT_BYTES:
                    raise ValueError(f"{archive.name} unpacks to more than {size_text(MAX_EXPORT_BYTES)}; unpack it "
                                     "yourself where there is room and grade the folder")
            try:
                if info.is_dir():
                    path.mkdir(parents=True, exist_ok=True)
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                if info.file_size > MAX_MEMBER_BYTES:
                    refused[info.filename] = (f"unpacks to {size_text(info.file_size)}, more than the "
                                              f"{size_text(MAX_MEMBER_BYTES)} a file may have: not unpacked")
                    continue
                with zf.open(info) as src, open(path, "wb") as dst:
                    shutil.copyfileobj(src, dst)
            except ZIP_ERRORS as exc:
                refused[info.filename] = f"could not be unpacked ({type(exc).__name__}: {exc})"
                if path.is_file() and not path.is_symlink():
                    path.unlink()
    return refused


def size_text(count: int) -> str:
    return f"{count / 2**30:.0f} GB" if count >= 2**30 else f"{count / 2**20:.0f} MB"


# --------------------------------------------------------------------------- submission_metadata.yml


def read_metadata_file(path: Path) -> dict[str, Meta]:
    """submission_<id> -> Meta, from the file at `path`. Raises MetadataError (with the line) or OSError."""
    with open(path, "rb") as fh:
        data = fh.read(MAX_METADATA_BYTES + 1)
    if len(data) > MAX_METADATA_BYTES:
        raise MetadataError(f"{METADATA} is larger than {size_text(MAX_METADATA_BYTES)}")
    return read_metadata(data.decode("utf-8", "surrogateescape"))


def read_metadata(text: str) -> dict[str, Meta]:
    """submission_<id> -> Meta, from the text of submission_metadata.yml (see the module's docstring)."""
    return _Reader(text).read()


_KEY = re.compile(r":?([A-Za-z_][A-Za-z0-9_]*):(?:[ \t]+(.*)|$)")  # ':name: x' as Ruby writes it; 'name: x' too
_TIME = re.compile(r"(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?"
                   r"(?:[ \t]*(Z|[-+]\d\d?(?::?\d\d)?))?)?")
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
            "P": "\u2029"}


class _Reader:
    """Reads the parts of submission_metadata.yml that name a submission's students and its time.

    Each method that reads a value takes the index of its line and returns the value and the index of the next
    line that is not blank or a comment."""

    def __init__(self, text: str):
        self.lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
        self.anchors: dict[str, object] = {}

    def fail(self, index: int, what: str):
        shown = self.lines[index].strip() if index < len(self.lines) else ""
        raise MetadataError(f"{METADATA} line {index + 1}: {what}" + (f" (it reads {shown[:60]!r})" if shown else ""))

    @staticmethod
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    def depth(self, index: int) -> int:
        """The indent of line `index`; -1 past the end (so that every level ends there)."""
        return self.indent(self.lines[index]) if index < len(self.lines) else -1

    def blank(self, index: int) -> bool:
        stripped = self.lines[index].strip()
        return not stripped or stripped.startswith("#")

    def next_line(self, index: int) -> int:
        while index < len(self.lines) and self.blank(index):
            index += 1
        return index

    def dash(self, index: int) -> bool:
        stripped = self.lines[index].strip() if index < len(self.lines) else ""
        return stripped.startswith("- ") or stripped == "-"

    def read(self) -> dict[str, Meta]:
        out: dict[str, Meta] = {}
        i = self.next_line(0)
        if i < len(self.lines) and self.lines[i].rstrip() in ("{}", "{ }"):  # an export of no submission
            return out
        if i < len(self.lines) and self.lines[i].startswith("---"):
            rest = self.lines[i][3:].strip()
            if rest in ("{}", "{ }"):  # an export of no submission: Ruby writes an empty hash so
                return out
            if rest and not rest.startswith("#"):
                self.fail(i, "a document that is not a mapping of submissions")
            i = self.next_line(i + 1)
        while i < len(self.lines):
            line = self.lines[i].rstrip()
            if line in ("...", "---"):
                i = self.next_line(i + 1)
                continue
            if line[:1] in (" ", "\t"):
                self.fail(i, "indented where a line 'submission_<id>:' was due")
            match = re.fullmatch(r"(submission_\d+):[ \t]*(?:#.*)?", line)
            if not match:
                self.fail(i, "expected a line 'submission_<id>:'")
            if match.group(1) in out:
                self.fail(i, f"{match.group(1)} appears twice")
            out[match.group(1)], i = self.submission(self.next_line(i + 1))
        return out

    def submission(self, i: int) -> tuple[Meta, int]:
        if self.depth(i) <= 0:
            return Meta(), i
        level = self.depth(i)
        submitters, created, seen = [], None, set()
        while self.depth(i) >= level:
            if self.depth(i) > level or self.dash(i):
                self.fail(i, "a line that belongs to no key of its submission")
            match = _KEY.fullmatch(self.lines[i].strip())
            if not match:
                self.fail(i, "expected a key such as ':submitters:' or ':created_at:'")
            key, rest = match.group(1), (match.group(2) or "").strip()
            if key in seen:
                self.fail(i, f":{key}: appears twice in one submission")
            seen.add(key)
            if key == "submitters":
                submitters, i = self.submitters(i, rest, level)
            elif key == "created_at":
                created, i = self.created_at(i, rest, level)
            else:
                i = self.skip(i + 1, level)
        if self.depth(i) > 0:
            self.fail(i, "indented less than the lines of its submission")
        return Meta(tuple(submitters), created), i

    def skip(self, i: int, level: int) -> int:
        """Pass over what belongs to a key at `level`, unread: deeper lines, and a list written at `level` itself."""
        while i < len(self.lines):
            if not self.blank(i) and (self.depth(i) < level or (self.depth(i) == level and not self.dash(i))):
                break
            i += 1
        return i

    def submitters(self, i: int, rest: str, level: int) -> tuple[list[Submitter], int]:
        rest, anchor = self.anchor(rest)
        if rest.startswith("*"):
            value = self.alias(i, rest)
            if not isinstance(value, list):
                self.fail(i, f"{rest} is not a list of submitters")
            return value, self.next_line(i + 1)
        if rest and not rest.startswith("#") and rest not in ("[]", "[ ]"):
            self.fail(i, ":submitters: should be a list, one '- :name: ...' per submitter")
        found, i = [], self.next_line(i + 1)
        if rest.startswith("["):
            return found, i
        item_level = self.depth(i)
        while item_level >= level and self.depth(i) == item_level and self.dash(i):
            person, i = self.submitter(i, item_level)
            found.append(person)
        if anchor:
            self.anchors[anchor] = found
        return found, i

    def submitter(self, i: int, dash: int) -> tuple[Submitter, int]:
        """One '- :name: ...' item of :submitters: (its first key on the dash's line, or on the next)."""
        first, anchor = self.anchor(self.lines[i].strip()[1:].strip())
        if first.startswith("*"):
            person = self.alias(i, first)
            if not isinstance(person, Submitter):
                self.fail(i, f"{first} is not a submitter")
            return person, self.next_line(i + 1)
        if first in ("{}", "{ }"):  # a submitter with no name, sid or email
            return Submitter(), self.next_line(i + 1)
        fields: dict[str, str | None] = {}
        level = dash + 2
        if first and not first.startswith("#"):
            match = _KEY.fullmatch(first)
            if not match:
                self.fail(i, "expected a submitter's key such as ':name:'")
            i = self.field(i, match, level, fields)
        else:
            i = self.next_line(i + 1)
            level = self.depth(i) if self.depth(i) > dash else level
        while self.depth(i) == level and not self.dash(i):
            match = _KEY.fullmatch(self.lines[i].strip())
            if not match:
                self.fail(i, "expected a submitter's key such as ':sid:' or ':email:'")
            i = self.field(i, match, level, fields)
        if self.depth(i) > dash and not (self.depth(i) == level and self.dash(i)):
            self.fail(i, "indented unlike the other keys of its submitter")
        person = Submitter(**{key: (value or "").strip() for key, value in fields.items()})
        if anchor:
            self.anchors[anchor] = person
        return person, i

    def field(self, i: int, match: re.Match, level: int, fields: dict) -> int:
        key, rest = match.group(1), (match.group(2) or "").strip()
        if key not in ("name", "sid", "email"):
            return self.next_line(self.skip(i + 1, level))
        if key in fields:
            self.fail(i, f":{key}: appears twice in one submitter")
        value, following = self.scalar(i, rest, level)
        if value is not None and not isinstance(value, str):
            self.fail(i, f":{key}: is not text")
        fields[key] = value
        return following

    def created_at(self, i: int, rest: str, level: int) -> tuple[datetime | None, int]:
        start = i
        rest, _ = self.anchor(rest)
        tag, rest = self.tag(rest)
        if not rest and tag and "TimeWithZone" in tag:  # ActiveSupport's own form: its utc: key is the time
            value, i = None, self.next_line(i + 1)
            while self.depth(i) > level:
                here = self.depth(i)
                match = re.fullmatch(r"utc:(?:[ \t]+(.*))?", self.lines[i].strip())
                if match:
                    value, i = self.scalar(i, (match.group(1) or "").strip(), here)
                else:
                    i = self.next_line(self.skip(i + 1, here))
            if not isinstance(value, str):
                self.fail(start, ":created_at: has no utc: time")
        else:
            value, i = self.scalar(start, (f"{tag} {rest}" if tag == "!binary" else rest), level)
        if value is None:
            return None, i
        moment = parse_time(str(value))
        if moment is None:
            self.fail(start, f":created_at: {str(value)[:40]!r} is not a time such as 2026-02-03 10:00:00 Z")
        return moment, i

    # ----------------------------------------------------------------------- scalars

    @staticmethod
    def anchor(rest: str) -> tuple[str, str]:
        match = re.match(r"&([^\s,\[\]{}]+)(?:[ \t]+|$)", rest)
        return (rest[match.end():].strip(), match.group(1)) if match else (rest, "")

    def alias(self, i: int, rest: str):
        name = rest[1:].split("#")[0].strip()
        if name not in self.anchors:
            self.fail(i, f"*{name} refers to an anchor that is not a submitter's name, sid, email or list")
        return self.anchors[name]

    @staticmethod
    def tag(rest: str) -> tuple[str, str]:
        match = re.match(r"(!\S*)(?:[ \t]+|$)", rest)
        return (match.group(1), rest[match.end():].strip()) if match else ("", rest)

    def scalar(self, i: int, rest: str, level: int):
        """The text of a value that begins as `rest` on line i, of a key at indent `level` (None for a null)."""
        rest, anchor = self.anchor(rest)
        if rest.startswith("*"):
            return self.alias(i, rest), self.next_line(i + 1)
        tag, rest = self.tag(rest)
        if tag == "!binary":
            text, following = self.block(i, rest, level) if rest[:1] in ("|", ">") else self.plain(i, rest, level)
            try:
                value = base64.b64decode("".join(text.split()), validate=True).decode("utf-8", "surrogateescape")
            except (binascii.Error, ValueError):
                self.fail(i, "a !binary value that is not base64")
        elif rest[:1] in ("'", '"'):
            value, following = self.quoted(i, rest, level)
        elif rest[:1] in ("|", ">"):
            value, following = self.block(i, rest, level)
        elif rest[:1] in ("[", "{"):
            self.fail(i, "a list or mapping where text was due")
        elif rest[:1] in ("%", "@", "`"):
            self.fail(i, f"a value may not begin with {rest[0]!r}")
        else:
            value, following = self.plain(i, rest, level)
            if not tag and value in ("~", "null", "Null", "NULL", ""):
                value = None
        if anchor:
            self.anchors[anchor] = value
        return value, self.next_line(following)

    def continuation(self, i: int, level: int) -> list[str]:
        """The lines after line i that continue its value: blank ones and those indented deeper than `level`."""
        out, j = [], i + 1
        while j < len(self.lines) and (not self.lines[j].strip() or self.indent(self.lines[j]) > level):
            out.append(self.lines[j])
            j += 1
        while out and not out[-1].strip():
            out.pop()
        return out

    def plain(self, i: int, rest: str, level: int) -> tuple[str, int]:
        lines = [rest]
        for line in self.continuation(i, level):
            if line.strip().startswith("#"):
                break
            if re.search(r":([ \t]|$)", line.split(" #")[0]):  # a key, not more of the value: YAML refuses it too
                self.fail(i + len(lines), "a key indented unlike the other keys around it")
            lines.append(line)
        return _fold([re.split(r"[ \t]#", line, maxsplit=1)[0] for line in lines]), i + len(lines)

    def quoted(self, i: int, rest: str, level: int) -> tuple[str, int]:
        quote, body, pieces, j = rest[0], rest[1:], [], i
        while True:
            end = _closing(body, quote)
            if end is not None:
                pieces.append(body[:end])
                after = body[end + 1:].strip()
                if after and not after.startswith("#"):
                    self.fail(j, f"text after the closing {quote}")
                break
            pieces.append(body)
            j += 1
            if j >= len(self.lines) or (self.lines[j].strip() and self.indent(self.lines[j]) <= level):
                self.fail(i, f"a value in {quote} that is never closed")
            body = self.lines[j]
        if quote == "'":
            return _fold(pieces).replace("''", "'"), j + 1
        return _fold(pieces, lambda text: self.unescape(i, text)), j + 1

    def unescape(self, i: int, text: str) -> str:
        out, k = [], 0
        while k < len(text):
            if text[k] != "\\":
                out.append(text[k])
                k += 1
                continue
            code = text[k + 1:k + 2]
            width = {"x": 2, "u": 4, "U": 8}.get(code)
            if width:
                digits = text[k + 2:k + 2 + width]
                if not re.fullmatch(r"[0-9A-Fa-f]{%d}" % width, digits):
                    self.fail(i, f"a \\{code} escape without {width} hex digits")
                out.append(chr(int(digits, 16)) if int(digits, 16) <= 0x10FFFF else "\ufffd")
                k += 2 + width
            elif code in _ESCAPES:
                out.append(_ESCAPES[code])
                k += 2
            else:
                self.fail(i, f"an escape \\{code} that YAML does not have")
        return "".join(out)

    def block(self, i: int, rest: str, level: int) -> tuple[str, int]:
        match = re.fullmatch(r"([|>])([-+]?)(\d?)([-+]?)(?:[ \t]+#.*)?", rest)
        if not match:
            self.fail(i, "a block value whose header is not |, |-, >, >- or the like")
        style, chomp = match.group(1), match.group(2) or match.group(4)
        lines = self.continuation(i, level)
        depth = (level + int(match.group(3)) if match.group(3)
                 else min((self.indent(line) for line in lines if line.strip()), default=level + 1))
        body = [line[depth:] for line in lines]
        text = "\n".join(body) if style == "|" else _fold(body)
        if chomp != "-" and body:
            text += "\n"
        return text, i + 1 + len(lines)


def _fold(lines: list[str], unescape=None) -> str:
    """The lines of a multi-line value joined as YAML folds them: one space for each line break, a newline for each
    blank line, the lines' own leading and trailing spaces dropped. With `unescape` (double quotes), a line that
    ends with a backslash joins the next with nothing between them, and escapes are read."""
    out, pending = "", None
    for n, line in enumerate(lines):
        last = n == len(lines) - 1
        text = line if n == 0 else line.lstrip(" \t")
        if n and not last and not text.strip():
            pending = "\n" if pending in (None, " ") else pending + "\n"
            continue
        out += pending or ""
        if unescape and not last and _ends_escaped(text):
            out, pending = out + unescape(text[:-1]), ""
            continue
        text = text if last else text.rstrip(" \t")
        out, pending = out + (unescape(text) if unescape else text), " "
    return out


def _closing(body: str, quote: str) -> int | None:
    """Where `quote` closes in `body` (a '' or a \\" inside does not close it), or None."""
    k = 0
    while k < len(body):
        if quote == '"' and body[k] == "\\":
            k += 2
            continue
        if body[k] == quote:
            if quote == "'" and body[k + 1:k + 2] == "'":
                k += 2
                continue
            return k
        k += 1
    return None


def _ends_escaped(text: str) -> bool:
    """Whether a line of a double-quoted value ends with a backslash that escapes its line break."""
    return (len(text) - len(text.rstrip("\\"))) % 2 == 1


def parse_time(text: str) -> datetime | None:
    """A YAML timestamp ('2026-02-03 10:00:00.123456000 -08:00', '2026-02-03T18:00:00Z', '2026-02-03') as an aware
    datetime in UTC (a time without a zone is taken as UTC), or None when `text` is not one."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
                          int((fraction or "0")[:6].ljust(6, "0")), tzinfo=timezone.utc)
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        hours, _, minutes = zone[1:].partition(":")
        if not minutes and len(hours) > 2:
            hours, minutes = hours[:-2], hours[-2:]
        moment -= sign * timedelta(hours=int(hours), minutes=int(minutes or 0))
    return moment
