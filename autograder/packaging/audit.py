"""The leak audit: nothing a student can read may give away a solution or a hidden test.

What counts as a leak, in a folder (the student bundle) or a zip (an Otter autograder, every member except those
under `otter.SECRET_PREFIX`, which only root can read at grading time):

1. a path inside an `autograder/hidden/` folder, anywhere in the path;
2. a file whose bytes equal a hidden suite file (`autograder/hidden/**`) or a solution file (`solutions/**`);
3. in a text file (UTF-8, no NUL byte; handouts in every language, READMEs, stubs, public tests and the engine's own
   code alike), a line that equals, after normalising, a *distinctive* line of a solution block or of a hidden suite;
4. in a notebook (`.ipynb`), the same in every text it holds, read as the notebook's JSON holds it: each cell's
   source, outputs and metadata, the notebook's metadata, and every attachment or output image decoded from base64
   (a copy of a secret file, or text with a secret line): a line of code in a cell is one string of the JSON, which
   the line-by-line reading of 3. would never match.

Normalising a line: strip it and collapse every run of whitespace to one space.
Solution-block lines are the lines strictly between `# BEGIN SOLUTION` and `# END SOLUTION` in `solutions/*/*.py`.
A line is *generic*, never evidence, when any of these holds:

- it has fewer than MIN_CHARS (12) non-space characters (`else:`, `return x`, `dx = h`);
- it is made only of Python keywords, punctuation and numbers (`return None`, `pass  # noqa`, `) -> None:`);
- for a solution-block line: the students are given its text anyway, because it stands in a stub (the stubs are
  generated from the solutions outside their blocks: signatures, docstrings, comments), as a whole line or inside
  one (`rng = np.random.default_rng(seed)` is a solution line of a03 and a sentence of a05's docstring); or it
  stands in REPEATED (3) or more solution blocks (`out._backward = _backward`, `def _backward():`): a line every
  block repeats is the pattern a handout teaches, not the answer to any one of them;
- for a hidden-suite line: it also appears in a public test (an import, a fixture name, a shared helper) or in
  the engine's code (`catalogue.ENGINE` files): the drivers and checks the suites call run on their behalf inside
  the sandbox and ship by necessity, so the code a suite shares with them is not what a suite keeps secret.

Every other line of a solution block or hidden suite is distinctive, and finding one is a leak, wherever it is: a
solution line copied into the engine ships to every student like any other (a figure or a driver that needs a
solution's behaviour computes it from the student's own code, or from data made at build time).
"""

from __future__ import annotations

import base64
import hashlib
import json
import keyword
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from autograder.catalogue import ENGINE, audience
from autograder.stubs import BEGIN, END, make_stub

MIN_CHARS = 12
REPEATED = 3
HIDDEN_DIR = "autograder/hidden/"
_TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9]*|\d[\d_.eE+-]*|\S")
_PUNCTUATION = set("()[]{}:;,.=+-*/%<>!&|^~@#'\"\\")


def normalise(line: str) -> str:
    """The line stripped, with each run of whitespace made one space."""
    return " ".join(line.split())


def is_generic(line: str) -> bool:
    """True for a normalised line too short or too plain to be evidence of a leak (module docstring: the rule)."""
    if sum(not c.isspace() for c in line) < MIN_CHARS:
        return True
    code = line.split("#", 1)[0] if not line.startswith("#") else line
    tokens = _TOKEN.findall(code)
    return all(keyword.iskeyword(t) or t in _PUNCTUATION or t[0].isdigit() for t in tokens)


@dataclass(frozen=True)
class Secrets:
    """What must not leak: distinctive lines (normalised line -> where it comes from) and file hashes."""

    lines: dict[str, str]
    hashes: dict[str, str]  # sha256 hex -> the secret file it is the hash of


def secrets(root: Path, shipped: list[str]) -> Secrets:
    """Collect the secrets of the checkout `root`. `shipped` are the relative paths that ship to students anyway
    (student.bundle_files): their engine code and public tests decide which hidden-suite lines are generic."""
    root = Path(root)
    lines: dict[str, str] = {}
    hashes: dict[str, str] = {}
    for path in sorted((root / "solutions").rglob("*")) + sorted((root / "autograder" / "hidden").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            hashes[hashlib.sha256(path.read_bytes()).hexdigest()] = path.relative_to(root).as_posix()
    engine, public = set(), set()
    for rel in shipped:
        if rel.endswith(".py") and (root / rel).is_file():
            kind = engine if audience(rel) == ENGINE else public if "/test_" in "/" + rel else None
            if kind is not None:
                kind.update(normalise(line) for line in (root / rel).read_text(encoding="utf-8").splitlines())
    blocks = {solution: _blocks(solution.read_text(encoding="utf-8")) for solution in sorted((root / "solutions").glob("*/*.py"))}
    given = "\n".join(normalise(line) for solution in blocks
                       for line in make_stub(solution.read_text(encoding="utf-8"), _rel(solution, root)).splitlines())
    in_blocks: dict[str, int] = {}
    for found in blocks.values():
        for block in found:
            for line in set(block):
                in_blocks[line] = in_blocks.get(line, 0) + 1
    for solution, found in blocks.items():
        for line in (line for block in found for line in block):
            if in_blocks[line] < REPEATED and not is_generic(line) and not _given(line, given):
                lines.setdefault(line, f"a line of {_rel(solution, root)}'s solution block")
    for suite in sorted((root / "autograder" / "hidden").rglob("*.py")):
        rel = suite.relative_to(root).as_posix()
        for raw in suite.read_text(encoding="utf-8").splitlines():
            line = normalise(raw)
            if line not in public and line not in engine and not is_generic(line):
                lines.setdefault(line, f"a line of the hidden suite {rel}")
    return Secrets(lines, hashes)


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _given(line: str, stubs: str) -> bool:
    """True when the normalised `line` stands in the normalised stub text `stubs`, as a whole line or inside one,
    not glued to a longer name or number (`rng = f(seed)` is not given by `arng = f(seed)`)."""
    pattern = rf"(?<![\w.]){re.escape(line)}(?![\w])" if line in stubs else None
    return pattern is not None and re.search(pattern, stubs) is not None


def _blocks(source: str) -> list[list[str]]:
    """The normalised lines of each solution block, block by block."""
    blocks: list[list[str]] = []
    inside = False
    for raw in source.splitlines():
        text = raw.strip()
        if text == BEGIN:
            inside = True
            blocks.append([])
        elif text == END:
            inside = False
        elif inside:
            blocks[-1].append(normalise(raw))
    return blocks


def check_file(name: str, data: bytes, found: Secrets) -> list[str]:
    """Leaks in one readable file called `name` (shown as is in the messages); an empty list when it is clean."""
    leaks = []
    if HIDDEN_DIR in "/" + name:
        leaks.append(f"{name} is named like a hidden suite file (inside an autograder/hidden folder)")
    leaks += _check_content(name, data, found)
    if name.endswith(".ipynb"):
        leaks += check_notebook(name, data, found)
    return leaks


def _check_content(name: str, data: bytes, found: Secrets) -> list[str]:
    """Rules 2 and 3: a copy of a secret file, or a text with a distinctive secret line."""
    leaks = []
    twin = found.hashes.get(hashlib.sha256(data).hexdigest())
    if twin:
        leaks.append(f"{name} is a byte-for-byte copy of {twin}")
    if b"\0" in data:
        return leaks
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return leaks
    for number, raw in enumerate(text.splitlines(), start=1):
        origin = found.lines.get(normalise(raw))
        if origin:
            leaks.append(f"{name} line {number} contains {origin}: {raw.strip()[:120]}")
    return leaks


def check_notebook(name: str, data: bytes, found: Secrets) -> list[str]:
    """Rule 4: every text a notebook's JSON holds, and every attachment and output image, decoded. An empty list
    for a file that is not a notebook's JSON (its text was read as any file's)."""
    try:
        notebook = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    leaks = []
    for where, content in notebook_contents(notebook):
        leaks += _check_content(f"{name} {where}", content, found)
    return leaks


def notebook_contents(notebook) -> list[tuple[str, bytes]]:
    """(where, bytes) for everything a notebook holds: its metadata's strings, each cell's source, metadata and
    outputs (text as it is, images decoded from base64) and each attachment, decoded."""
    found: list[tuple[str, bytes]] = []

    def strings(value, where: str) -> None:
        if isinstance(value, str):
            found.append((where, value.encode("utf-8", "surrogatepass")))
        elif isinstance(value, dict):
            for key, item in value.items():
                strings(item, where)
        elif isinstance(value, list):
            for item in value:
                strings(item, where)

    def bundle(mimes, where: str) -> None:  # {mime: text or base64} of an output's data or an attachment
        for mime, value in (mimes.items() if isinstance(mimes, dict) else ()):
            text = "".join(value) if isinstance(value, list) else value if isinstance(value, str) else json.dumps(value)
            if mime.startswith("text/") or "json" in mime or "javascript" in mime or "svg" in mime:
                found.append((f"{where} {mime}", text.encode("utf-8", "surrogatepass")))
            else:
                try:
                    found.append((f"{where} {mime}", base64.b64decode(text)))
                except ValueError:
                    found.append((f"{where} {mime}", text.encode("utf-8", "surrogatepass")))

    if not isinstance(notebook, dict):
        return found
    strings(notebook.get("metadata", {}), "metadata")
    for number, cell in enumerate(notebook.get("cells", []) if isinstance(notebook.get("cells"), list) else []):
        if not isinstance(cell, dict):
            continue
        where = f"cell {number}"
        source = cell.get("source", "")
        found.append((where, ("".join(source) if isinstance(source, list) else str(source)).encode("utf-8", "surrogatepass")))
        strings(cell.get("metadata", {}), f"{where} metadata")
        for name, mimes in (cell.get("attachments") or {}).items():
            bundle(mimes, f"{where} attachment {name}")
        for output in cell.get("outputs", []) or []:
            if isinstance(output, dict):
                strings({k: v for k, v in output.items() if k not in ("data", "metadata")}, f"{where} output")
                bundle(output.get("data", {}), f"{where} output")
    return found


def audit_folder(folder: Path, shown_as: str, found: Secrets) -> list[str]:
    """Leaks in every file below `folder`; paths in the messages start with `shown_as` (e.g. "dist/student")."""
    leaks = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        leaks += check_file(f"{shown_as}/{path.relative_to(folder).as_posix()}", path.read_bytes(), found)
    return leaks


def audit_zip(zip_path: Path, shown_as: str, found: Secrets, secret_prefix: str | None = None) -> list[str]:
    """Leaks in every member of `zip_path` a submission can read: every member, or with `secret_prefix` (e.g.
    "engine/") every member whose name does not start with it."""
    leaks = []
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            if not info.is_dir() and not (secret_prefix and info.filename.startswith(secret_prefix)):
                leaks += check_file(f"{shown_as} member {info.filename}", zf.read(info), found)
    return leaks
