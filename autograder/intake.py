"""File intake: the one file per assignment taken from a submission, checked, and copied where only the sandbox
reads it. Links, special files, folders that are links and files over 1 MB are refused as "not submitted"; a file
Python cannot read as source (not UTF-8 and no coding line that says otherwise, NUL bytes) fails to import, with
the byte and the line that are wrong."""

from __future__ import annotations

import codecs
import io
import os
import re
import shutil
import stat
import tempfile
import tokenize
from pathlib import Path

from autograder import outcomes
from autograder.catalogue import lookup
from autograder.text import inert_name

MAX_MODULE_BYTES = 1 << 20
# Byte-order marks of encodings Python never reads source in (UTF-32's first: it begins with UTF-16's)
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
             (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
CODING_LINE = re.compile(rb"^(?:\xef\xbb\xbf)?[ \t\f]*#.*?coding[:=]", re.MULTILINE)  # PEP 263's, on the first two lines
SAVE_AS_UTF8 = "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and submit it again"


class PrivateCopies:
    """The submission's modules, one per assignment, each copied alone into a fresh folder the sandbox may read.

    A module is read once (read_submitted_module's checks), so a `conftest.py`, `numpy.py` or `.pth` beside it in
    the submission is never seen, and nothing the submission does later changes what is graded.
    """

    def __init__(self, submission: str):
        self.submission = submission
        self._copies: dict[str, str] = {}
        self._unreadable: dict[str, outcomes.ImportFailed] = {}
        self._workdir = None

    def path(self, folder: str) -> str:
        """The private copy of `folder`'s module (made on first use); raises outcomes.NotSubmitted, or
        outcomes.ImportFailed when Python could not read it as source."""
        if folder in self._unreadable:
            raise self._unreadable[folder]
        if folder not in self._copies:
            data = read_submitted_module(str(lookup(folder).submitted(self.submission)))
            problem = source_problem(data)
            if problem:
                self._unreadable[folder] = outcomes.ImportFailed(f"{lookup(folder).filename} could not be imported: "
                                                                 f"{problem}")
                raise self._unreadable[folder]
            if self._workdir is None:
                self._workdir = tempfile.TemporaryDirectory(prefix="ag-submission-", dir=reachable_tmp())
                os.chmod(self._workdir.name, 0o711)
            directory = os.path.join(self._workdir.name, folder)
            os.mkdir(directory, 0o755)
            os.chmod(directory, 0o755)
            target = os.path.join(directory, lookup(folder).filename)
            with open(target, "wb") as fh:
                fh.write(data)
            os.chmod(target, 0o644)
            self._copies[folder] = target
        return self._copies[folder]

    def close(self) -> None:
        if self._workdir is not None:
            shutil.rmtree(self._workdir.name, ignore_errors=True)
            self._workdir = None


def read_submitted_module(path: str) -> bytes:
    """The module's bytes, refusing links, special files and folders that are links (they could point anywhere)."""
    folder = os.path.dirname(path)
    shown = os.path.join(os.path.basename(folder), os.path.basename(path))
    try:
        if stat.S_ISLNK(os.lstat(folder).st_mode):
            raise outcomes.NotSubmitted(f"not submitted: {os.path.basename(folder)} is a symbolic link; submit a real folder")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        notebooks = sorted(name for name in _names(folder) if name.endswith(".ipynb"))
        if notebooks:
            raise outcomes.NotSubmitted(f"not submitted: {shown} was not found; {os.path.basename(folder)}/"
                                        f"{notebooks[0]} is there, a notebook, which is not graded: submit "
                                        f"{os.path.basename(path)}, the file the notebook reads") from None
        raise outcomes.NotSubmitted(f"not submitted: {shown} was not found") from None
    except OSError as exc:
        raise outcomes.NotSubmitted(f"not submitted: {shown} cannot be read as a plain file ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise outcomes.NotSubmitted(f"not submitted: {shown} is not a regular file")
        data = fh.read(MAX_MODULE_BYTES + 1)
    if len(data) > MAX_MODULE_BYTES:
        raise outcomes.NotSubmitted(f"not submitted: {shown} is larger than {MAX_MODULE_BYTES >> 20} MB")
    return data


def _names(folder: str) -> list[str]:
    """The names in `folder`, or none when it cannot be listed (it may not exist at all)."""
    try:
        return [inert_name(name) for name in os.listdir(folder)]
    except OSError:
        return []


def source_problem(data: bytes) -> str | None:
    """Why Python would not read `data` as a module's source, in words for the student; None if it would.

    Python's own rule (PEP 263): UTF-8, with or without its byte-order mark, unless a coding line names another
    encoding; no NUL character. `compile` alone is more lenient than `python gradients.py` (it lets bytes that are
    not UTF-8 through in comments): this is the rule the student's own Python applies.
    """
    for bom, name in WIDE_BOMS:
        if data.startswith(bom):
            return f"it is {name} text (it starts with a {name} byte-order mark), which Python does not read; {SAVE_AS_UTF8}"
    encoding = "utf-8"
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # a coding line Python cannot use; or no coding line and a first line not UTF-8
        if CODING_LINE.search(b"\n".join(data.split(b"\n", 2)[:2])):
            return f"its coding line cannot be used ({exc}); remove it and {SAVE_AS_UTF8}"
    name = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    nul = data.find(b"\0")
    try:
        data[:nul if nul >= 0 else len(data)].decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return f"it is not {name} text: byte 0x{data[exc.start]:02x} on line {line} is not {name}; {SAVE_AS_UTF8}"
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return f"it holds a NUL byte (line {line}), so it is not a text file; {SAVE_AS_UTF8}"
    return None


def reachable_tmp() -> str:
    """A temporary folder the sandbox user can pass through: TMPDIR if it can, else /tmp.

    As root the child runs as nobody, who must reach the submission's private copy; a TMPDIR inside a
    private home would make every submission fail to import.
    """
    candidates = [tempfile.gettempdir(), "/tmp"] if os.geteuid() == 0 else [tempfile.gettempdir()]
    for folder in candidates:
        path = os.path.realpath(folder)
        parts = [path] + [p for p in Path(path).parents]
        if os.geteuid() != 0 or all(os.stat(p).st_mode & stat.S_IXOTH for p in parts):
            return path
    raise RuntimeError(f"the sandbox user cannot reach {candidates[0]} or /tmp; set TMPDIR to a folder "
                       "every user may pass through (mode o+x on it and its parents)")
