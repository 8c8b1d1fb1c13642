"""Text a submission controls never crashes grading and never reaches a terminal raw.

The submission's text (exception messages and type names, printed output, the type names of what it returns, its
file names) is made inert where it enters the grader and again at every outlet: results.json, the terminal table,
the plots' notes, the Otter plugin's notes. tests/hostile/ holds one submission per kind of attack; test_hostile.py
grades them as a class with `grade-all`, test_otter.py through `otter run`; here `make grade`'s own command.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest

from autograder import feedback, intake, recorder
from autograder.checks import _show
from autograder.outcomes import ERROR, FAILED, Mismatch
from autograder.packaging import otter_plugin
from autograder.plots import draw
from autograder.results import Report
from autograder.results import TestResult as Result  # not collected as a test class
from autograder.sandbox import child, client, wire
from autograder.sandbox.protocol import ErrorKind, Limits
from autograder.text import inert, inert_data, inert_name, is_inert
from support import ROOT, grade_many
from test_hostile import A01, A01_POINTS, EXPECT, HOSTILE, strings

TEXT_CASES = ("escape_erase_line", "escape_hidden_total", "escape_clipboard", "escape_hyperlink", "carriage_return",
              "surrogate_message", "surrogate_output", "huge_message", "not_utf8")
# every kind of character a terminal obeys or UTF-8 cannot encode, and what it is shown as
HOSTILE_CHARACTERS = {"\x1b": r"\x1b", "\x9b": r"\x9b", "\x07": r"\x07", "\r": r"\x0d", "\x00": r"\x00",
                      "\x7f": r"\x7f", "\x85": r"\x85", "\u202e": r"\u202e", "\u2028": r"\u2028",
                      "\udc80": r"\x80", "\ud800": r"\ud800"}
ATTACK = "ValueError: \udc80 \x1b[1A\x1b[2K      1/1     pass\r\x1b]52;c;cm0gLXJmIH4K\x07\x1b[8m"


# --------------------------------------------------------------------------- text.py


@pytest.mark.parametrize("char, shown", HOSTILE_CHARACTERS.items(), ids=HOSTILE_CHARACTERS.values())
def test_inert_shows_each_control_character_as_an_escape(char, shown):
    text = inert(f"a{char}b")
    assert text == f"a{shown}b" and is_inert(text)
    text.encode("utf-8")  # always encodable


def test_inert_keeps_newlines_tabs_and_every_printable_character():
    plain = "line one\n\tline two: z = sin(x² + y²), 梯度下降, café, 😀, \\x1b as typed"
    assert inert(plain) == plain and is_inert(plain)


def test_inert_is_idempotent_cuts_and_never_raises():
    assert inert(inert(ATTACK)) == inert(ATTACK)
    assert inert("x" * 50, 10) == "x" * 10 + " ... (cut)"

    class Broken:
        def __str__(self):
            raise RuntimeError("no")

    assert inert(Broken()) == "(a value that could not be shown)"
    assert inert_name(b"latin1_caf\xe9") == r"latin1_caf\xe9"


def test_inert_data_makes_every_string_inert_keys_included():
    data = {"k\x1b": ["\udc80", ("\r", 1.5)], "n": None, "ok": True, 3: "\x07"}
    clean = inert_data(data)
    assert clean == {r"k\x1b": [r"\x80", [r"\x0d", 1.5]], "n": None, "ok": True, 3: r"\x07"}
    assert all(is_inert(text) for text in strings(clean))


# --------------------------------------------------------------------------- a module Python cannot read


SOLUTION = (ROOT / "solutions" / A01 / "gradients.py").read_bytes()


@pytest.mark.parametrize("data, said", [
    (SOLUTION.decode().encode("utf-16"), "it is UTF-16 text (it starts with a UTF-16 byte-order mark)"),
    (SOLUTION.decode().encode("utf-32"), "it is UTF-32 text"),
    (SOLUTION.decode().encode("utf-16-be"), "it holds a NUL byte (line 1)"),
    (b"import numpy\n\n# Jos\xe9\n", "byte 0xe9 on line 3 is not UTF-8"),
    (b"# \xff\xfe\n" + SOLUTION, "byte 0xff on line 1 is not UTF-8"),
    (SOLUTION + b"\n\x00", "it holds a NUL byte (line"),
    (b"# -*- coding: klingon -*-\n", "its coding line cannot be used (unknown encoding: klingon)"),
], ids=["utf16", "utf32", "utf16-no-bom", "latin1-comment", "0xff-first-line", "nul", "unknown-coding"])
def test_a_module_python_cannot_read_is_refused_with_what_is_wrong(data, said):
    problem = intake.source_problem(data)
    assert problem and said in problem and "save it as UTF-8" in problem, problem


@pytest.mark.parametrize("data", [
    SOLUTION,
    codecs.BOM_UTF8 + SOLUTION,                                   # UTF-8 with its byte-order mark
    "# -*- coding: latin-1 -*-\nname = 'José'\n".encode("latin-1"),  # another encoding, declared
    "x = '梯度下降 😀'\n".encode(),
], ids=["utf8", "utf8-bom", "latin1-declared", "cjk-emoji"])
def test_a_module_python_reads_is_accepted(data):
    assert intake.source_problem(data) is None


# --------------------------------------------------------------------------- each outlet, given hostile text


def _hostile_report() -> Report:
    report = Report(protection="sandbox: test", notes=["note \x1b[2K"], problems=["grader error: \udc80"])
    for i, status in enumerate((ERROR, FAILED)):
        test = Result(A01, f"test {i} \x1b[8m", 1.0, hidden=False)
        test.finish(status, ATTACK + "\nYour code printed:\n    \udcff\x9b2J")
        report.tests.append(test)
    return report


def test_results_json_is_written_inert_whatever_the_messages_hold():
    text = _hostile_report().to_json()
    data = json.loads(text.encode("utf-8").decode("utf-8"))  # encodes: no lone surrogate survived
    assert all(is_inert(s) for s in strings(data))
    assert r"\x80 \x1b[1A\x1b[2K      1/1     pass\x0d\x1b]52;c;" in data["tests"][0]["output"]


def test_the_terminal_table_shows_escapes_and_the_real_total_last():
    table = feedback.table(_hostile_report())
    assert is_inert(table) and table.encode("utf-8")
    assert r"\x1b[1A\x1b[2K" in table and r"\x1b[8m" in table
    assert table.splitlines()[-1] == "Total: 0 / 2"


def test_text_from_the_child_is_inert_where_it_enters_the_grader():
    limits = Limits()
    error = {"kind": ErrorKind.ERROR, "type": "Erase\x1b[2K", "message": ATTACK, "where": ["line 1: \x1b]8;;x\x1b\\"]}
    message = client._problem(error, limits).message
    assert is_inert(message) and message.startswith(r"Erase\x1b[2K: ValueError: \x80 \x1b[1A")
    for kind in (ErrorKind.EXIT, ErrorKind.MISSING, ErrorKind.GRADER, ErrorKind.MEMORY, ErrorKind.OUTPUT):
        assert is_inert(client._problem({**error, "kind": kind}, limits).message)
    # whatever shape a hostile child gives its fields, a message comes out
    odd = client._problem({"kind": ErrorKind.ERROR, "type": ["\x1b"], "message": {"\r": None}, "where": "\x07"}, limits)
    assert is_inert(odd.message)
    cut = client._problem({**error, "message": "\x1b" * 10_000_000}, limits).message
    assert len(cut) < 10_000 and cut.endswith(" ... (cut)\n  line 1: \\x1b]8;;x\\x1b\\")


def test_what_the_child_printed_is_inert_where_it_enters_the_grader():
    session = client.Session.__new__(client.Session)  # only its output file matters here
    with tempfile.TemporaryFile() as session._output:
        session._output.write(b"\x1b[2K\xff\xfe \xed\xb2\x80 \xc2\x9b2J \xe6\xa2\xaf\n")
        assert session.output() == r"\x1b[2K\xff\xfe \xed\xb2\x80 \x9b2J " + "梯\n"
        session._output.write(b"\x07" * 10_000)
        cut = session.output(limit=100)
    assert is_inert(cut) and cut.endswith(r"\x07\x07" + "\n... (output cut)") and len(cut) < 1000


def test_the_child_cuts_a_huge_message_and_says_so():
    described = child._describe(ValueError("A" * 10_000_000), "/nowhere/gradients.py")
    assert described["message"] == "A" * child.MESSAGE_CHARS + " ... (cut)"


def test_a_grader_fault_that_quotes_the_submission_is_inert_on_stderr_too(capfd):
    class Item:
        nodeid, path = "test_public.py::test_x", ROOT / "assignments" / A01 / "test_public.py"

    message = recorder._grader_fault(ValueError(ATTACK), Item)
    assert is_inert(message) and r"\x1b[1A\x1b[2K" in message
    assert is_inert(capfd.readouterr().err)


def test_the_type_name_of_a_returned_object_is_inert():
    opaque = wire.decode({"t": "opaque", "type": "\x1b[2K\udc80 fake pass"}, b"")
    assert opaque.type_name == r"\x1b[2K\x80 fake pass"
    assert is_inert(_show((opaque, np.zeros(2), "\x1b[8m", {"\r": 1})))
    assert is_inert(str(Mismatch("fun_z at (1, 1)", f"got a {opaque.type_name} object")))


def test_a_plot_note_is_inert():
    class Spec:
        short, title = "a01", "gradient field"

    assert draw._note(Spec, "fun_z: " + ATTACK) == inert("a01: gradient field skipped: fun_z: " + ATTACK)


def test_the_otter_notes_quote_file_names_inertly(tmp_path):
    folder = tmp_path / "upload" / "a01\x1b[2K\x9b"
    folder.mkdir(parents=True)
    (folder / "gradients.py").write_text("x = 1\n")
    data, note = otter_plugin.locate(tmp_path / "upload", A01, "gradients.py")
    assert data == b"x = 1\n" and note == r"Graded a01\x1b[2K\x9b/gradients.py from your submission."
    latin1 = tmp_path / "latin1"
    os.makedirs(os.fsencode(latin1) + b"/caf\xe9")
    with open(os.fsencode(latin1) + b"/caf\xe9/hw.zip", "wb") as fh, zipfile.ZipFile(fh, "w") as zf:
        zf.writestr("a\x1b]8;;x\x1b\\/gradients.py", "y = 2\n")
        zf.writestr("b\x1b]8;;x\x1b\\/gradients.py", "y = 3\n")
    data, note = otter_plugin.locate(latin1, A01, "gradients.py")  # two at the same depth: refused, both named
    assert data is None and is_inert(note) and r"caf\xe9/hw.zip:a\x1b]8;;x\x1b\/gradients.py" in note, note


def test_otter_run_is_handed_a_placeholder_whatever_the_upload_holds(tmp_path):
    # `otter run` copies the upload into submission/, adds its tests/ and __init__.py, then reads the .py it chose
    ag = tmp_path / "autograder"
    (ag / "submission" / "tests").mkdir(parents=True)
    (ag / "submission" / "__init__.py").write_text("")
    chosen = ag / "submission" / "gradients.py"
    chosen.write_bytes(codecs.BOM_UTF16_LE + b"\xff\x00")
    (ag / "submission" / "notes.txt").write_text("mine")
    otter_plugin.set_aside(ag, chosen)
    assert chosen.read_text(encoding="utf-8") == otter_plugin.PLACEHOLDER_TEXT  # what Otter reads: UTF-8
    assert (ag / "upload" / "gradients.py").read_bytes() == codecs.BOM_UTF16_LE + b"\xff\x00"  # graded as uploaded
    assert sorted(os.listdir(ag / "upload")) == ["gradients.py", "notes.txt"]
    assert sorted(os.listdir(ag / "submission")) == ["__init__.py", "gradients.py", "tests"]
    otter_plugin.set_aside(ag, chosen)  # on Gradescope, gradescope_main has set the upload aside already
    assert (ag / "upload" / "gradients.py").read_bytes() == codecs.BOM_UTF16_LE + b"\xff\x00"


# --------------------------------------------------------------------------- `make grade`, end to end


def _grade(submission: Path, tmp: Path, *, only=(A01,), env=None) -> tuple[subprocess.CompletedProcess, bytes | None]:
    """`python -m autograder grade` as `make grade RESULTS=...` runs it; (the process, results.json's bytes or None)."""
    results = tmp / "results.json"
    cmd = [sys.executable, "-m", "autograder", "grade", "--submission", str(submission), "--results", str(results)]
    for folder in only:
        cmd += ["--only", folder]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=600, env={**os.environ, **(env or {})})
    return proc, results.read_bytes() if results.exists() else None


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict:
    """Every text case, graded alone by `make grade`'s command."""
    tmp = tmp_path_factory.mktemp("text")
    for case in TEXT_CASES:
        (tmp / case).mkdir()
    return grade_many({case: (lambda c=case: _grade(HOSTILE / c, tmp / c)) for case in TEXT_CASES}, workers=2)


@pytest.mark.parametrize("case", TEXT_CASES)
def test_make_grade_shows_the_submissions_text_escaped_and_writes_results(graded, case):
    proc, raw = graded[case]
    # grading completed: exit 0, results written, and not one byte the terminal would obey on stdout or stderr
    assert proc.returncode == 0 and raw is not None, proc.stderr[-2000:]
    stdout, stderr = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")  # strict: nothing undecodable
    assert is_inert(stdout) and is_inert(stderr), [line for line in stdout.splitlines() if not is_inert(line)][:2]
    # the real total is the last line, and no fake total stands on a line of its own
    lines = stdout.splitlines()
    assert lines[-1] == f"Total: 0 / {A01_POINTS}" and not any(line.startswith("Total:") for line in lines[:-1])
    # results.json parses, every string in it is inert, and the first failing test says what happened
    results = json.loads(raw.decode("utf-8"))
    assert all(is_inert(text) for text in strings(results))
    score, tag, text = EXPECT[case]
    failing = [t for t in results["tests"] if t["status"] == "failed"]
    assert results["score"] == score and failing[0]["tags"] == [tag] and text in failing[0]["output"], failing[0]
    assert all(line in stdout for line in text.splitlines())  # the table indents each line of a message


def test_a_surrogate_in_one_message_costs_nothing_else(tmp_path):
    # the hostile a01 beside the reference for every other assignment: every other assignment keeps full marks
    submission = tmp_path / "submission"
    for folder in (ROOT / "solutions").iterdir():
        if folder.is_dir() and folder.name != A01:
            (submission / folder.name).mkdir(parents=True)
            for module in folder.glob("*.py"):
                (submission / folder.name / module.name).write_bytes(module.read_bytes())
    (submission / A01).mkdir()
    (submission / A01 / "gradients.py").write_bytes((HOSTILE / "surrogate_message" / A01 / "gradients.py").read_bytes())
    proc, raw = _grade(submission, tmp_path, only=())
    assert raw is not None, proc.stderr[-2000:]
    results = json.loads(raw)
    assert proc.returncode == 0 and results["max_score"] - results["score"] == A01_POINTS, results["output"]
    assert all(a["score"] == a["max_score"] for f, a in results["extra_data"]["assignments"].items() if f != A01)


def test_a_terminal_that_cannot_encode_a_character_gets_an_escape(tmp_path):
    proc, raw = _grade(HOSTILE / "escape_erase_line", tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.decode("ascii").splitlines()[-1] == f"Total: 0 / {A01_POINTS}"
    assert r"sin(x\xb2 + y\xb2)" in proc.stdout.decode("ascii")  # a test's own name, escaped rather than a crash


def test_make_plots_notes_are_inert(tmp_path):
    for case in ("escape_erase_line", "surrogate_message"):
        proc = subprocess.run([sys.executable, "-m", "autograder", "plots", "--submission", str(HOSTILE / case),
                               "--only", A01, "--out", str(tmp_path / case)], cwd=ROOT, capture_output=True, timeout=600)
        stdout = proc.stdout.decode("utf-8")
        assert proc.returncode == 0 and is_inert(stdout) and is_inert(proc.stderr.decode("utf-8")), stdout
        assert "skipped: fun_z: " in stdout, stdout
