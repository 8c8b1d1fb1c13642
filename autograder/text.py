"""Text a submission controls, made safe to store and to show: always encodable as UTF-8, and inert on a terminal.

A submission controls its exception messages and type names, what it prints, the repr of what it returns, and
the names of its files and folders. Any of these may hold a lone surrogate (which UTF-8 cannot encode) or a
control sequence that a terminal obeys: ESC[1A ESC[2K erases a line, ESC[8m hides text, OSC 52 writes to the
clipboard. `inert` shows each such character as an escape (`\\x1b`, `\\udc80`), keeps newlines and tabs, and
leaves every other character as it is, Chinese and emoji included.

Standard library only: the grader's every outlet (results.json, grades.csv, the table, progress lines, plot notes)
passes what it shows through here. The Otter zips ship this file beside their plugin (as `gd_otter_text.py`), so
the plugin's notes are made inert by the same code.

Text is made inert where it enters the grader (the sandbox client) and again at every outlet; `inert` of an inert
text is the same text, so doing it twice changes nothing.
"""

from __future__ import annotations

import os
import re

# C0 controls but tab and newline, DEL, C1 controls (ESC and CSI among them), Unicode's bidirectional overrides
# and isolates (they reorder what a terminal shows), the line and paragraph separators, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
CUT = " ... (cut)"


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode and errors="surrogateescape" keep it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text, limit: int | None = None) -> str:
    """`text` (any object: it is turned into a str first) with every unsafe character escaped, at most about
    `limit` characters long. Never raises."""
    try:
        text = text if isinstance(text, str) else str(text)
    except BaseException:  # noqa: BLE001 - an object whose __str__ fails still gets a line
        text = "(a value that could not be shown)"
    text = str.__str__(text)  # a str subclass's own methods are not used
    if limit is not None and len(text) > limit:
        text = text[:limit] + CUT
    return _UNSAFE.sub(_escape, text)


def inert_name(name: str | bytes | os.PathLike) -> str:
    """A file or folder name as the submission chose it, shown safely on one line: bytes that are not UTF-8 as
    `\\xe9`, and a newline or tab as `\\x0a`, `\\x09` (a name never needs one, and a raw one would start a line
    of its own in a listing)."""
    if isinstance(name, os.PathLike):
        name = os.fspath(name)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    return inert(name).replace("\n", "\\x0a").replace("\t", "\\x09")


def inert_data(value):
    """A copy of JSON-like `value` (dicts, lists, tuples, strings, numbers) in which every string, keys included, is
    `inert`: what results.json holds, whatever reached it. Tuples become lists, as JSON has them."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, dict):
        return {inert(key) if isinstance(key, str) else key: inert_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [inert_data(item) for item in value]
    return value


def is_inert(text: str) -> bool:
    """True when `text` needs no escaping (for tests and assertions)."""
    return _UNSAFE.search(text) is None
