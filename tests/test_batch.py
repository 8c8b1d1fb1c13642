"""grade-all for real classes: every entry accounted for, Gradescope's export and zips accepted, shards merged."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from autograder import batch, classroom, classtable, exports, pool, roster
from autograder.catalogue import BY_FOLDER, CATALOGUE, ROOT
from autograder.intake import reachable_tmp
from autograder.results import Report
from autograder.sandbox.client import Limits, Sandbox
from autograder.text import is_inert

A01 = "a01_gradients"
SOLUTION = BY_FOLDER[A01].solution()
STUB = BY_FOLDER[A01].stub()

A01_TOTAL = "26"  # a01's points, as grades.csv writes them



def _rows(out: Path) -> dict[str, dict]:
    with open(out / "grades.csv", newline="") as fh:
        return {row["student"]: row for row in csv.DictReader(fh)}


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def messy_class(tmp_path_factory):
    """A class folder as instructors get them: folders, zips, flat files, links, strays, and nothing at all."""
    klass = tmp_path_factory.mktemp("class")
    (klass / "alice" / A01).mkdir(parents=True)
    shutil.copy(SOLUTION, klass / "alice" / A01)                       # laid out like assignments/
    (klass / "bob").mkdir()
    shutil.copy(SOLUTION, klass / "bob")                                 # flat
    _zip(klass / "carol.zip", {f"{A01}/gradients.py": SOLUTION.read_bytes()})  # a zip of the folder
    (klass / "dave").mkdir()
    _zip(klass / "dave" / "upload.zip", {"gradients.py": SOLUTION.read_bytes()})  # a folder holding only a zip
    (klass / "erin").mkdir()
    (klass / "erin" / "notes.txt").write_text("I forgot the code")      # nothing gradable
    (klass / "frank").mkdir()
    shutil.copy(STUB, klass / "frank")                                   # the stub
    (klass / "mallory").symlink_to(klass / "alice")                     # a link
    (klass / "grades.xlsx").write_text("stray")                         # a stray file
    out = tmp_path_factory.mktemp("out")
    code = batch.run(str(klass), str(out), jobs=2, only=[A01])
    return klass, out, code


def test_every_entry_gets_a_row_or_a_reason(messy_class, capsys):
    klass, out, code = messy_class
    assert code == 0
    rows = _rows(out)
    # each student, however they submitted, is graded from the module alone
    for student in ("alice", "bob", "carol", "dave"):
        assert rows[student][A01] == rows[student]["max_score"] != "0", rows[student]
    assert rows["frank"][A01] == "0"
    # a student with nothing gradable has a row that says so, which a TA can filter on
    assert rows["erin"]["total"] == "0" and "nothing gradable" in rows["erin"]["problems"]
    assert rows["alice"]["problems"] == "" and rows["alice"]["entry"] == "alice" and rows["carol"]["entry"] == "carol.zip"
    # links and strays are not students: they have a row that says why they were not graded, never silently dropped
    assert set(rows) == {"alice", "bob", "carol", "dave", "erin", "frank", "mallory", "grades.xlsx"}
    assert rows["mallory"]["problems"] == "not graded: a symbolic link: submit a real folder or zip"
    assert rows["grades.xlsx"]["problems"] == "not graded: a file, not a student folder or zip"
    # nothing was graded: empty cells, never zeros that an upload would take for grades
    assert rows["mallory"]["total"] == rows["mallory"]["max_score"] == rows["mallory"][A01] == ""


def test_the_summary_names_what_was_not_graded(tmp_path, capsys):
    klass = tmp_path / "class"
    (klass / "alice").mkdir(parents=True)
    shutil.copy(SOLUTION, klass / "alice")
    (klass / "link").symlink_to(klass / "alice")
    (klass / "stray.txt").write_text("x")
    assert batch.run(str(klass), str(tmp_path / "out"), only=[A01]) == 0
    printed = capsys.readouterr().out
    assert "1 student graded (1 now, 0 before), 0 with problems, 2 entries not graded" in printed
    assert "not graded: link: a symbolic link" in printed and "not graded: stray.txt: a file" in printed


def test_gradescope_export_zip_names_students_by_their_submitters(tmp_path):
    metadata = ("submission_101:\n  :submitters:\n  - :name: Ada Lovelace\n    :sid: '7'\n    :email: ada@uni.edu\n"
                "  :created_at: 2026-12-01\nsubmission_102:\n  :submitters:\n  - :name: Alan Turing\n    :email: alan@uni.edu\n")
    export = _zip(tmp_path / "export.zip", {
        "assignment_9_export/submission_metadata.yml": metadata.encode(),
        "assignment_9_export/submission_101/gradients.py": SOLUTION.read_bytes(),
        "assignment_9_export/submission_102/gradients.py": STUB.read_bytes(),
        "assignment_9_export/submission_103/../../escape.py": b"x = 1\n",
    })
    out = tmp_path / "out"
    assert batch.run(str(export), str(out), only=[A01]) == 0
    rows = _rows(out)
    students = {name for name, row in rows.items() if not row["problems"].startswith("not graded")}
    assert students == {"ada@uni.edu", "alan@uni.edu"}
    assert rows["ada@uni.edu"]["entry"] == f"{A01}: assignment_9_export/submission_101 (2026-12-01 00:00:00 UTC)"
    assert (rows["ada@uni.edu"]["name"], rows["ada@uni.edu"]["sid"], rows["alan@uni.edu"]["sid"]) == ("Ada Lovelace", "7", "")
    assert rows["ada@uni.edu"]["total"] == rows["ada@uni.edu"]["max_score"] and rows["alan@uni.edu"]["total"] == "0"
    assert not (tmp_path / "escape.py").exists() and not (out / "escape.py").exists()


def test_shards_cover_the_class_once_and_merge(tmp_path, capsys):
    klass = tmp_path / "class"
    for name in ("s1", "s2", "s3", "s4", "s5"):
        (klass / name).mkdir(parents=True)
        shutil.copy(SOLUTION if name != "s3" else STUB, klass / name)
    latin = os.fsdecode(os.fsencode(klass) + b"/caf\xe9")
    os.mkdir(latin)
    shutil.copy(SOLUTION, latin)
    (klass / "stray.txt").write_text("x")
    outs = [tmp_path / f"out{i}" for i in (1, 2)]
    for i, out in enumerate(outs, start=1):
        assert batch.run(str(klass), str(out), only=[A01], shard=f"{i}/2") == 0
    mine = [json.loads((out / batch.CLASS_FILE).read_text())["mine"] for out in outs]
    cafe = roster.student_name(os.path.basename(latin))
    # deterministic, disjoint, complete
    assert sorted(mine[0] + mine[1]) == sorted([cafe, "s1", "s2", "s3", "s4", "s5"]) and not set(mine[0]) & set(mine[1])
    assert batch.merge([str(o) for o in outs], str(tmp_path)) == 0
    rows = _rows(tmp_path)
    # every entry once: the students from their shard, the stray file's row from the class
    assert set(rows) == {cafe, "s1", "s2", "s3", "s4", "s5", "stray.txt"} and rows["s3"]["total"] == "0"
    assert rows[cafe]["total"] == A01_TOTAL and rows[cafe]["entry"] == "caf\\xe9"
    assert rows["stray.txt"]["problems"] == "not graded: a file, not a student folder or zip"
    # a missing shard, or the same shard twice, is refused with the reason
    assert batch.merge([str(outs[0])], str(tmp_path / "m1")) == 2
    assert "in no shard given" in capsys.readouterr().err
    assert batch.merge([str(outs[0]), str(outs[0])], str(tmp_path / "m2")) == 2
    assert "graded in two shards" in capsys.readouterr().err


@pytest.mark.parametrize("shard", ["0/2", "3/2", "a/b", "1-2"])
def test_a_bad_shard_is_refused(tmp_path, shard, capsys):
    (tmp_path / "c" / "s").mkdir(parents=True)
    assert batch.run(str(tmp_path / "c"), str(tmp_path / "o"), shard=shard) == 2
    assert "SHARD=" in capsys.readouterr().err


def test_roster_refuses_links_inside_a_student_zip(tmp_path):
    archive = tmp_path / "eve.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("gradients.py")
        info.external_attr = 0o120777 << 16  # a symbolic link
        zf.writestr(info, "/etc/passwd")
    intake = roster.prepare(roster.Student("eve", archive), [A01], tmp_path / "layout")
    assert intake.missing and not (tmp_path / "layout" / A01 / "gradients.py").exists()
    assert intake.assignments[A01]["state"] == "not submitted" and intake.digests[A01] == ""


# --------------------------------------------------------------------------- odd entries: every one accounted for


def _bomb(path: Path, member: str, size: int = 1 << 30) -> Path:
    """A zip whose `member` unpacks to `size` zero bytes from about size/1000 bytes: a zip bomb, made in half a second.

    Each 16 MB block is deflated alone (a full flush: byte-aligned, nothing refers back past it), so the same
    compressed block repeated is a valid stream of any length; the zip's headers are written by hand around it.
    More members can be added afterwards with zipfile's append mode."""
    chunk = bytes(1 << 24)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    data = block * (size // len(chunk)) + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    name = member.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                          len(name), 0, 0, 0, 0, 0o100644 << 16, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)
    with zipfile.ZipFile(path) as zf:  # what makes it a bomb: 1 GiB declared, about 1 MB stored
        assert zf.getinfo(member).file_size == size and path.stat().st_size < size // 500
    return path


def _link_entry(zf: zipfile.ZipFile, name: str, target: str) -> None:
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o120777 << 16  # a symbolic link
    zf.writestr(info, target)


def _listing(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


ESCAPE = "gd-escaped-by-zip"  # files that a zip entry with '..' or an absolute path would create are named so
SURROGATE = SOLUTION.read_text().replace(
    "def fun_z(x, y):", "def fun_z(x, y):\n    raise ValueError('bad \\udc80 text \\x1b[2J')\n\n\ndef _unused(x, y):", 1)


@pytest.fixture(scope="module")
def odd_class(tmp_path_factory):
    """A class holding every odd entry grade-all meets, graded with the command an instructor runs; the grader's
    temporary folders are in the same parent, so that its listing before and after shows all that was written."""
    root = tmp_path_factory.mktemp("odd")
    klass, out, tmp = root / "class", root / "out", root / "tmp"
    tmp.mkdir()
    klass.mkdir()

    def student(name, source=SOLUTION.read_text()):
        folder = Path(os.fsdecode(os.fsencode(klass) + b"/" + name)) if isinstance(name, bytes) else klass / name
        folder.mkdir()
        (folder / "gradients.py").write_text(source)

    student("alice")
    student("stubby", STUB.read_text())
    student(b"latin1_caf\xe9")                       # a class zipped on a latin-1 machine
    student("grades.csv")                            # OUT's own files, as student names
    student("class.json")
    student(".intake")
    student(".dotted")
    student("-dash")
    student("surrogate", SURROGATE)                  # its message cannot be encoded and holds an escape sequence
    student("fake\nall graded: 99 of 99")       # a name that would forge a line of the summary
    student("esc\x1b[2Jape")
    (klass / "linked").symlink_to(klass / "alice")
    (klass / "stray.txt").write_text("not a student")
    _zip(klass / "zipper.zip", {"gradients.py": SOLUTION.read_bytes()})
    with zipfile.ZipFile(klass / "evil.zip", "w") as zf:
        zf.writestr(f"../../{ESCAPE}-up.py", b"x = 1\n")
        zf.writestr(f"{root}/{ESCAPE}-absolute.py", b"x = 1\n")
        _link_entry(zf, "gradients.py", "/etc/passwd")
    _bomb(klass / "bomb.zip", "gradients.py")
    _zip(klass / "nested.zip", {"inner.zip": _zip(root / "inner.zip", {"gradients.py": SOLUTION.read_bytes()}).read_bytes()})
    (root / "inner.zip").unlink()
    before = _listing(root)
    env = dict(os.environ, TMPDIR=str(tmp))
    cmd = [sys.executable, "-m", "autograder", "grade-all", str(klass), str(out), "--only", A01, "--jobs", "2"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=600)
    rerun = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=600)
    return root, klass, out, before, proc, rerun


def _by_entry(out: Path) -> dict[str, dict]:
    return {row["entry"]: row for row in _rows(out).values()}


def test_every_odd_entry_is_graded_or_has_a_row_that_says_why(odd_class):
    root, klass, out, before, proc, rerun = odd_class
    stdout, stderr = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    # one student's bad text is not a grader problem: the class is graded, exit 0, no traceback
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    rows = _by_entry(out)
    full = (A01_TOTAL, A01_TOTAL, "")
    graded = {"alice": full, "stubby": ("0", A01_TOTAL, f"{A01}: nothing implemented (every test says not implemented yet)"),
              "latin1_caf\\xe9": full, "grades.csv": full, "class.json": full, "'-dash": full,
              "fake\\x0aall graded: 99 of 99": full, "esc\\x1b[2Jape": full, "zipper.zip": full}
    for entry, (total, most, problems) in graded.items():
        assert (rows[entry]["total"], rows[entry]["max_score"], rows[entry]["problems"]) == (total, most, problems), entry
    assert 0 < float(rows["surrogate"]["total"]) < float(A01_TOTAL) and rows["surrogate"]["problems"] == ""
    not_graded = {".intake": "hidden (its name begins with a dot)", ".dotted": "hidden (its name begins with a dot)",
                  "linked": "a symbolic link", "stray.txt": "a file, not a student folder or zip"}
    for entry, reason in not_graded.items():
        assert rows[entry]["problems"].startswith(f"not graded: {reason}"), rows[entry]
        assert rows[entry]["total"] == rows[entry]["max_score"] == ""
    nothing = {"evil.zip": "nothing gradable", "bomb.zip": "bomb.zip:gradients.py unpacks to 1 GB, more than the 1 MB",
               "nested.zip": "nested.zip:inner.zip is a zip inside a zip"}
    for entry, problem in nothing.items():
        assert rows[entry]["total"] == "0" and rows[entry]["max_score"] == A01_TOTAL and problem in rows[entry]["problems"]
    # every entry of SUBMISSIONS has exactly one row, and nothing else has one
    assert len(rows) == len(list(klass.iterdir())) == len(graded) + 1 + len(not_graded) + len(nothing)
    # the summary names each entry not graded, with its reason; progress names each graded one
    for entry, reason in not_graded.items():
        assert f"not graded: {entry}: {reason}" in stdout
    for name, row in _rows(out).items():
        if not row["problems"].startswith("not graded"):
            assert f"] {name}: " in stdout
    # a submission's name never reaches the terminal raw: no escape, no forged line
    assert "\x1b" not in stdout + stderr and "\nall graded" not in stdout and is_inert(stdout)


def test_odd_names_get_safe_stable_names_that_never_collide_with_out(odd_class):
    root, klass, out, before, proc, rerun = odd_class
    rows = _rows(out)
    for name in rows:  # safe as a folder of OUT, a cell and a line: UTF-8, inert, no separator or odd first character
        assert is_inert(name) and not set(name) & set("/\\\n\t") and name.encode("utf-8")
        assert not name.startswith((".", "-", "=", "+", "@")) and name.lower() not in roster.RESERVED
    by_entry = {row["entry"]: name for name, row in rows.items()}
    assert by_entry["alice"] == "alice" and by_entry["grades.csv"] != "grades.csv"
    assert by_entry["latin1_caf\\xe9"].startswith("latin1_caf_xe9~")
    # OUT's own files are whole; the students named after them have their own folders
    assert (out / "grades.csv").is_file() and json.loads((out / "class.json").read_text())["students"]
    assert (out / by_entry["grades.csv"] / "results.json").is_file()
    assert (out / by_entry["class.json"] / "results.json").is_file()
    # the names are stable: a rerun finds every student already graded, and writes the same grades.csv
    assert rerun.returncode == 0 and "; 13 already graded (" in rerun.stdout.decode(), rerun.stdout.decode()
    assert _rows(out) == rows


def test_text_a_student_controls_is_stored_inert(odd_class):
    root, klass, out, before, proc, rerun = odd_class
    name = _by_entry(out)["surrogate"]["student"]
    text = (out / name / "results.json").read_text(encoding="utf-8")  # encodable: it was written
    data = json.loads(text)
    messages = [t["output"] for t in data["tests"] if "bad" in t["output"]]
    assert messages and all("bad \\x80 text \\x1b[2J" in m and is_inert(m) for m in messages)
    latin = json.loads((out / _by_entry(out)["latin1_caf\\xe9"]["student"] / "results.json").read_text())
    assert latin["extra_data"]["intake"]["entry"] == "latin1_caf\\xe9" and latin["score"] == float(A01_TOTAL)
    # the student is told why a zip gave nothing: in the output they read
    bomb = json.loads((out / "bomb" / "results.json").read_text())
    assert "bomb.zip:gradients.py unpacks to 1 GB, more than the 1 MB a module may have" in bomb["output"]
    assert bomb["output"].startswith("sandbox: ")  # the line that says what confined it stays first


def test_nothing_is_written_outside_out_whatever_the_zips_hold(odd_class):
    root, klass, out, before, proc, rerun = odd_class
    after = _listing(root)
    new = after - before
    assert new and all(p == "out" or p.startswith("out/") for p in new), sorted(p for p in new if not p.startswith("out"))
    assert before - after == set()  # the class itself is untouched
    assert not any((root / "tmp").iterdir())  # the grader's temporary folders are gone
    for place in (root, root.parent, Path(tempfile.gettempdir()), Path("/"), ROOT):
        assert not list(place.glob(f"{ESCAPE}*")), place
    assert not [p for p in root.rglob("*") if ESCAPE in p.name]
    assert not [p for p in root.rglob("*") if p.is_symlink() and p != klass / "linked"]


def test_an_export_zip_is_unpacked_into_out_only_and_each_refusal_has_a_row(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    export = _bomb(root / "export.zip", "assignment_9_export/submission_102/gradients.py")
    with zipfile.ZipFile(export, "a") as zf:
        zf.writestr("assignment_9_export/submission_metadata.yml", "submission_101:\n  :submitters:\n"
                    "  - :email: ada@uni.edu\nsubmission_102:\n  :submitters:\n  - :email: bob@uni.edu\n"
                    "submission_105:\n  :submitters:\n  - :email: carol@uni.edu\n")
        zf.writestr("assignment_9_export/submission_101/gradients.py", SOLUTION.read_bytes())
        zf.writestr(f"assignment_9_export/submission_103/../../../../../../{ESCAPE}-up.py", b"x = 1\n")
        zf.writestr(f"{root}/{ESCAPE}-absolute.py", b"x = 1\n")
        _link_entry(zf, "assignment_9_export/submission_104/gradients.py", "/etc/passwd")
        zf.writestr("assignment_9_export/submission_105/upload.zip",
                    _zip(tmp_path / "outer.zip", {"inner.zip": b"PK"}).read_bytes())
    before = _listing(root)
    out = root / "out"
    assert batch.run(str(export), str(out), only=[A01]) == 0
    # nothing was written outside OUT: not beside it, not above it, not as a link
    assert all(p.startswith("out/") or p == "out" for p in _listing(root) - before)
    assert not [p for p in tmp_path.rglob("*") if ESCAPE in p.name or p.is_symlink()]
    assert not list(Path(tempfile.gettempdir()).glob(f"{ESCAPE}*"))
    rows = _rows(out)
    assert rows["ada@uni.edu"]["total"] == A01_TOTAL
    # the bomb's own student is graded, and told why their file was not unpacked
    assert rows["bob@uni.edu"]["total"] == "0" and "unpacks to 1 GB, more than the 256 MB a file may have: not unpacked" \
        in rows["bob@uni.edu"]["problems"]
    assert f"{A01}: nothing gradable in submission_102: gradients.py was not found in it" in rows["bob@uni.edu"]["problems"]
    assert f"{A01}: nothing gradable in submission_105" in rows["carol@uni.edu"]["problems"]
    assert "upload.zip:inner.zip is a zip inside a zip, which is never opened" in rows["carol@uni.edu"]["problems"]
    refusals = {row["entry"]: row["problems"] for row in rows.values() if row["problems"].startswith("not graded")}
    assert refusals == {
        f"assignment_9_export/submission_103/../../../../../../{ESCAPE}-up.py":
            "not graded: a path that leads outside the export (absolute, or with '..'): not unpacked",
        f"{root}/{ESCAPE}-absolute.py":
            "not graded: a path that leads outside the export (absolute, or with '..'): not unpacked",
        "assignment_9_export/submission_104/gradients.py": "not graded: a symbolic link: not unpacked"}
    unpacked = [p for p in (out / ".intake").rglob("*") if p.is_file()]
    assert unpacked and max(p.stat().st_size for p in unpacked) <= exports.MAX_MEMBER_BYTES


@pytest.fixture
def small_class(tmp_path):
    klass = tmp_path / "class"
    for name in ("ann", "victim", "zed"):
        (klass / name).mkdir(parents=True)
        shutil.copy(SOLUTION, klass / name)
    return klass, tmp_path / "out"


def _fail_for_victim(monkeypatch, how):
    real = batch._results_of

    def results_of(student, zygote, folders, suites):
        if student.name == "victim":
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            raise RuntimeError("a grader bug with \udc80 and \x1b[2J in its message")
        return real(student, zygote, folders, suites)

    monkeypatch.setattr(batch, "_results_of", results_of)


@pytest.mark.parametrize("how, reason", [
    ("raises", "grader error: RuntimeError: a grader bug with \\x80 and \\x1b[2J in its message"),
    ("killed", "grader error: the grading process ended (killed by signal 9) without a result"),
])
def test_a_student_whose_grading_fails_gets_a_row_and_the_class_goes_on(small_class, monkeypatch, capfd, how, reason):
    klass, out = small_class
    _fail_for_victim(monkeypatch, how)
    assert batch.run(str(klass), str(out), only=[A01], jobs=2) == 1  # a grader problem, as before; never 2
    rows = _rows(out)
    assert rows["ann"]["total"] == rows["zed"]["total"] == A01_TOTAL
    # not graded: the reason, and empty cells (never a 0 that would be uploaded as a grade)
    assert rows["victim"]["problems"] == f"not graded: {reason}"
    assert rows["victim"]["total"] == rows["victim"]["max_score"] == rows["victim"][A01] == ""
    printed = capfd.readouterr()
    assert "Traceback" not in printed.err and "\x1b" not in printed.out + printed.err
    assert "grader problems for 1 student(s): victim" in printed.err
    data = json.loads((out / "victim" / "results.json").read_text())
    assert data["extra_data"]["grader_failure"] and data["extra_data"]["problems"] == [reason]
    # merging such an output keeps the row and says so, with the same exit code
    assert batch.merge([str(out)], str(out.parent)) == 1
    assert _rows(out.parent)["victim"]["problems"] == f"not graded: {reason}"
    # a rerun grades again only the student whose grading failed
    monkeypatch.undo()
    assert batch.run(str(klass), str(out), only=[A01], jobs=2) == 0
    assert "; 2 already graded (" in capfd.readouterr().out
    assert _rows(out)["victim"]["total"] == A01_TOTAL


def test_a_student_whose_results_cannot_be_written_still_has_a_row(small_class, capfd):
    klass, out = small_class
    out.mkdir()
    (out / "victim").write_text("a file where the student's folder goes")
    assert batch.run(str(klass), str(out), only=[A01], jobs=2) == 1
    rows = _rows(out)
    assert rows["ann"]["total"] == rows["zed"]["total"] == A01_TOTAL
    assert rows["victim"]["problems"].startswith("not graded: grader error: results.json could not be written")
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize("to_json", ["raises", "unencodable"])
def test_the_batch_writes_results_even_when_the_report_cannot_serialize_itself(small_class, monkeypatch, to_json):
    klass, out = small_class

    def broken(self):
        if to_json == "raises":
            raise UnicodeEncodeError("utf-8", "\udc80", 0, 1, "surrogates not allowed")
        return json.dumps({**self.to_gradescope(), "output": "a lone \udc80"}, ensure_ascii=False)

    monkeypatch.setattr(Report, "to_json", broken)
    assert batch.run(str(klass), str(out), only=[A01], jobs=2) == 0
    rows = _rows(out)
    assert [rows[n]["total"] for n in ("ann", "victim", "zed")] == [A01_TOTAL, A01_TOTAL, A01_TOTAL]
    data = json.loads((out / "ann" / "results.json").read_text(encoding="utf-8"))
    assert data["score"] == float(A01_TOTAL) and data["tests"] and all(t["status"] == "passed" for t in data["tests"])
    assert is_inert(json.dumps(data, ensure_ascii=False))
    assert to_json == "raises" or data["output"] == "a lone \\x80"


def test_student_names_are_plain_unique_and_stable():
    odd = ["alice", "José García", "-dash", ".dotted", "grades.csv", "GRADES.CSV", "Class.Json", "a/b", "a\\b",
           "=HYPERLINK(1)", "+1", "@x", " lead", "trail ", "tab\there", "line\nbreak", "esc\x1b[2J", "\udce9",
           "x~0123456789", "é" * 200, ""]
    names = [roster.student_name(n) for n in odd]
    assert names[:2] == ["alice", "José García"]
    assert len(set(names)) == len(names)  # distinct entries, distinct names
    assert names == [roster.student_name(n) for n in odd]  # the same in every run
    for name in names:
        assert is_inert(name) and "\n" not in name and "\t" not in name and "/" not in name and "\\" not in name
        assert name.encode("utf-8") and len(name.encode()) <= roster.NAME_BYTES
        assert not name.startswith((".", "-", "=", "+", "@", " ")) and name.lower() not in roster.RESERVED
    # a plain name never equals a hashed one: a folder named like one (as a rerun of OUT might meet) is hashed too
    assert roster.student_name(names[2]) != names[2] and roster.student_name("x~0123456789") != "x~0123456789"


def test_grades_csv_cells_are_inert_and_never_formulas():
    rows = {"s": classtable.Row("s", "=HYPERLINK(1)", "+7", "@x\x1b[2J", {A01: 1.0}, 1.0, 2.0,
                                ["=cmd|' /C calc'!A0"], "-2+3\x1b[8m\udc80")}
    row = next(csv.DictReader(io.StringIO(classtable.grades_csv(rows, [A01]))))
    assert row == {"student": "s", "name": "'=HYPERLINK(1)", "sid": "'+7", "email": "'@x\\x1b[2J", A01: "1",
                   "total": "1", "max_score": "2", "problems": "'=cmd|' /C calc'!A0", "entry": "'-2+3\\x1b[8m\\x80"}
    canvas = next(csv.DictReader(io.StringIO(classtable.canvas_csv(rows, [A01]))))
    assert canvas == {"Student": "'=HYPERLINK(1)", "ID": "", "SIS User ID": "'+7", "SIS Login ID": "'@x\\x1b[2J",
                      "Section": "", A01: "1"}


# --------------------------------------------------------------------------- Gradescope's exports: one class table

A02 = "a02_gradient_descent"
A02_TOTAL = "24"  # a02's points
A02_SOLUTION = BY_FOLDER[A02].solution().read_bytes()
SYNTAX_ERROR = b"import numpy as np\ndef fun_z(x, y)\n    return 1\n"  # line 2: expected ':'
LOOPS_AT_IMPORT = b"while True:\n    pass\n"


def _yaml_text(text: str) -> str:
    """`text` as Ruby's YAML writer puts a value: in single quotes when YAML would read it as something else (a
    number, a leading indicator, ': ' or ' #' inside), plain otherwise, non-ASCII as it is."""
    if re.fullmatch(r"[\d.]+", text) or text[:1] in "!&*-:?{}[],#|>@`\"'% " or ": " in text or " #" in text:
        return "'" + text.replace("'", "''") + "'"
    return text


def _metadata(subs: dict[int, dict]) -> str:
    """submission_metadata.yml as Gradescope writes it: each submission's submitters, its time, and the keys grading
    never reads (score, status, results with a block of output, history)."""
    lines = []
    for number, sub in subs.items():
        lines += [f"submission_{number}:", "  :submitters:"]
        for person in sub["people"]:
            keys = [k for k in ("name", "sid", "email") if person.get(k) is not None]
            for n, key in enumerate(keys):
                value = person.get(f"{key}_as_written") or _yaml_text(person[key])
                lines.append(f"  {'- ' if n == 0 else '  '}:{key}: {value}")
        lines += [f"  :created_at: {sub['at']}", "  :score: !ruby/object:BigDecimal 18:0.0", "  :status: processed",
                  "  :results:", "    score: 0.0", "    output: |-", "      The autograder ran.",
                  "      - :name: not a submitter", "", "      :created_at: not a time either",
                  "    tests:", "    - name: 'a01_gradients: fun_z at one point'", "      score: 0.0",
                  "  :history:", "  - :created_at: 2026-01-15 08:00:00.000000000 -08:00", "    :score: 0.0"]
    return "\n".join(lines) + "\n"


ADA = {"name": "Ada Lovelace", "sid": "1001", "email": "ada@uni.edu"}
JUDY = {"name": "Judy Hopps", "sid": "5005", "email": "judy@uni.edu"}
KEN = {"name": "Ken Adams", "sid": "6006", "email": "ken@uni.edu"}
LEE = {"name": "李小龙", "sid": "2002"}  # no email
JOSE = {"name": "José Ñúñez", "name_as_written": '"Jos\\u00E9 \\u00D1\\u00FA\\u00F1ez"', "sid": "3003",
        "email": "jose@uni.edu"}  # written with YAML's escapes
OLGA = {"name": "Ольга Петрова", "sid": "4004", "email": "olga@uni.edu"}


def _a01_export() -> dict[int, dict]:
    """a01's export. Ada submitted twice, the later one (correct) first in name order and with the lower id; Judy and
    Ken as a group, uploading a zip of every module they had; Lee with a syntax error; José the stub."""
    everything = io.BytesIO()
    with zipfile.ZipFile(everything, "w") as zf:
        zf.writestr(f"{A01}/gradients.py", SOLUTION.read_bytes())
        zf.writestr(f"{A02}/descent.py", A02_SOLUTION)  # not an a02 submission: a02's export does not have it
    return {
        100001: {"people": [ADA], "at": "2026-02-01 09:00:00.000000000 -08:00", "files": {"gradients.py": STUB.read_bytes()}},
        99998: {"people": [ADA], "at": "2026-02-03 09:30:00.123456000 -08:00", "files": {"gradients.py": SOLUTION.read_bytes()}},
        100002: {"people": [JUDY, KEN], "at": "2026-02-02 12:00:00.000000000 Z", "files": {"hw.zip": everything.getvalue()}},
        100003: {"people": [LEE], "at": "2026-02-02 13:00:00.000000000 Z", "files": {"gradients.py": SYNTAX_ERROR}},
        100004: {"people": [JOSE], "at": "2026-02-02 14:00:00.000000000 Z", "files": {"gradients.py": STUB.read_bytes()}},
    }


def _a02_export() -> dict[int, dict]:
    """a02's export, a week later: Judy and José did not submit; Ken alone with an import error, Lee a README only,
    Olga a module that never finishes importing."""
    return {
        200001: {"people": [ADA], "at": "2026-02-10 08:00:00.000000000 Z", "files": {"descent.py": A02_SOLUTION}},
        200002: {"people": [KEN], "at": "2026-02-10 09:00:00.000000000 Z", "files": {"descent.py": b"import nosuchmodule\n"}},
        200003: {"people": [LEE], "at": "2026-02-10 10:00:00.000000000 Z", "files": {"README.txt": b"see descent.py"}},
        200004: {"people": [OLGA], "at": "2026-02-10 11:00:00.000000000 Z", "files": {"descent.py": LOOPS_AT_IMPORT}},
    }


def _export_members(subs: dict[int, dict], top: str) -> dict[str, bytes]:
    members = {f"{top}submission_metadata.yml": _metadata(subs).encode()}
    for number, sub in subs.items():
        for name, data in sub["files"].items():
            members[f"{top}submission_{number}/{name}"] = data
    return members


def _export_folder(folder: Path, subs: dict[int, dict]) -> Path:
    for name, data in _export_members(subs, "").items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def _grade_all_cli(submissions: Path, out: Path, *only: str, extra=()) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "autograder", "grade-all", str(submissions), str(out), "--jobs", "2", *extra]
    for folder in only:
        cmd += ["--only", folder]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The exports a head TA downloads, one per assignment (a01's as its zip, a02's unpacked), graded with one
    command; and the same two exports in one zip, graded the same way."""
    root = tmp_path_factory.mktemp("course")
    per_assignment = root / "exports"
    per_assignment.mkdir()
    _zip(per_assignment / "assignment_101_export.zip", _export_members(_a01_export(), "assignment_101_export/"))
    _export_folder(per_assignment / "assignment_202_export", _a02_export())
    _zip(root / "course.zip", {**_export_members(_a01_export(), "assignment_101_export/"),
                               **_export_members(_a02_export(), "assignment_202_export/")})
    runs = {"per_assignment": (per_assignment, root / "out"), "combined": (root / "course.zip", root / "out-combined")}
    return {kind: (out, _grade_all_cli(source, out, A01, A02)) for kind, (source, out) in runs.items()}


NOT_IMPLEMENTED = f"{A01}: nothing implemented (every test says not implemented yet)"
BOTH = f"{int(A01_TOTAL) + int(A02_TOTAL)}"  # the points of a01 and a02 together
COURSE_ROWS = {  # student: name, sid, email, a01, a02, total, max_score, problems
    "ada@uni.edu": ("Ada Lovelace", "1001", "ada@uni.edu", A01_TOTAL, A02_TOTAL, BOTH, BOTH, ""),
    "judy@uni.edu": ("Judy Hopps", "5005", "judy@uni.edu", A01_TOTAL, "0", A01_TOTAL, BOTH, f"{A02}: not submitted"),
    "ken@uni.edu": ("Ken Adams", "6006", "ken@uni.edu", A01_TOTAL, "0", A01_TOTAL, BOTH,
                    f"{A02}: import error in descent.py line 1: ModuleNotFoundError: No module named 'nosuchmodule'"),
    "2002": ("李小龙", "2002", "", "0", "0", "0", BOTH,
             f"{A01}: syntax error in gradients.py line 2: expected ':'; "
             f"{A02}: nothing gradable in submission_200003: descent.py was not found in it"),
    "jose@uni.edu": ("José Ñúñez", "3003", "jose@uni.edu", "0", "0", "0", BOTH, f"{NOT_IMPLEMENTED}; {A02}: not submitted"),
    "olga@uni.edu": ("Ольга Петрова", "4004", "olga@uni.edu", "0", "0", "0", BOTH,
                     f"{A01}: not submitted; {A02}: timeout at import: descent.py took longer than 5 s (look for a loop "
                     "that never ends, or a sleep)"),
}
CHOSEN = {  # student: {assignment: (submission, its time, the older ones)}
    "ada@uni.edu": {A01: ("submission_99998", "2026-02-03 17:30:00 UTC", ["submission_100001 (2026-02-01 17:00:00 UTC)"]),
                    A02: ("submission_200001", "2026-02-10 08:00:00 UTC", [])},
    "judy@uni.edu": {A01: ("submission_100002", "2026-02-02 12:00:00 UTC", [])},
    "ken@uni.edu": {A01: ("submission_100002", "2026-02-02 12:00:00 UTC", []),
                    A02: ("submission_200002", "2026-02-10 09:00:00 UTC", [])},
    "2002": {A01: ("submission_100003", "2026-02-02 13:00:00 UTC", []),
             A02: ("submission_200003", "2026-02-10 10:00:00 UTC", [])},
    "jose@uni.edu": {A01: ("submission_100004", "2026-02-02 14:00:00 UTC", [])},
    "olga@uni.edu": {A02: ("submission_200004", "2026-02-10 11:00:00 UTC", [])},
}


@pytest.mark.parametrize("kind", ["per_assignment", "combined"])
def test_exports_make_one_class_table_with_a_row_per_student(course, kind):
    out, proc = course[kind]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr and not proc.stderr
    with open(out / "grades.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["student", "name", "sid", "email", A01, A02, "total", "max_score", "problems", "entry"]
        rows = {row["student"]: row for row in reader}
    # one row per student (a group's submission counts for each member), every cell as expected
    assert set(rows) == set(COURSE_ROWS)
    for student, expected in COURSE_ROWS.items():
        row = rows[student]
        got = tuple(row[c] for c in ("name", "sid", "email", A01, A02, "total", "max_score", "problems"))
        assert got == expected, student
    # what each export was taken to hold is said: a01's holds only a01, though Judy and Ken uploaded descent.py to it
    # (paths are shown from SUBMISSIONS, the zip of both exports or the folder; a zip in the folder is named, then ':')
    a01_export = "assignment_101_export" if kind == "combined" else "assignment_101_export.zip:assignment_101_export"
    a02_export = "assignment_202_export"
    assert f"export {a01_export}: {A01} (5 submissions)\n  export {a02_export}: {A02} (4 submissions)\n" in proc.stdout
    # the entry names, per assignment, the submission graded, its time and whether others were passed over
    assert rows["ada@uni.edu"]["entry"] == (f"{A01}: {a01_export}/submission_99998 (2026-02-03 17:30:00 UTC, latest of 2); "
                                            f"{A02}: {a02_export}/submission_200001 (2026-02-10 08:00:00 UTC)")
    assert rows["olga@uni.edu"]["entry"] == f"{A02}: {a02_export}/submission_200004 (2026-02-10 11:00:00 UTC)"


@pytest.mark.parametrize("kind", ["per_assignment", "combined"])
def test_the_latest_submission_counts_and_results_json_says_which(course, kind):
    out, _ = course[kind]
    for student, chosen in CHOSEN.items():
        data = json.loads((out / student / "results.json").read_text(encoding="utf-8"))
        intake = data["extra_data"]["intake"]
        graded = {f: (info["submission"], info["created_at"], info["older"])
                  for f, info in intake["assignments"].items() if "submission" in info}
        assert graded == chosen, student
        assert intake["student"]["name"] == COURSE_ROWS[student][0]
    ada = json.loads((out / "ada@uni.edu" / "results.json").read_text())
    # the choice is stated where the student reads it too, not only in a summary line
    assert (f"{A01}: submission_99998 of 2026-02-03 17:30:00 UTC, the latest of 2 by :created_at: (not graded: "
            "submission_100001 (2026-02-01 17:00:00 UTC)). Graded gradients.py from your submission.") in ada["output"]
    # the file graded is named as the student's upload names it: the group's hw.zip
    judy = json.loads((out / "judy@uni.edu" / "results.json").read_text())
    assert judy["extra_data"]["intake"]["assignments"][A01]["file"] == \
        f"Graded hw.zip:{A01}/gradients.py from your submission."
    assert judy["extra_data"]["intake"]["assignments"][A02] == {"state": "not submitted"}


def test_canvas_csv_holds_the_students_under_canvas_columns(course):
    out, _ = course["per_assignment"]
    with open(out / "canvas.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", A01, A02]
        rows = {row["SIS User ID"]: row for row in reader}
    assert set(rows) == {row[1] for row in COURSE_ROWS.values()}
    assert rows["2002"] == {"Student": "李小龙", "ID": "", "SIS User ID": "2002", "SIS Login ID": "", "Section": "",
                            A01: "0", A02: "0"}
    assert (rows["1001"]["Student"], rows["1001"]["SIS Login ID"], rows["1001"][A01]) == ("Ada Lovelace", "ada@uni.edu", A01_TOTAL)


def test_merge_grades_builds_the_same_tables_from_results_alone(course, tmp_path):
    out, _ = course["per_assignment"]
    assert batch.merge([str(out)], str(tmp_path)) == 0
    for table in ("grades.csv", "canvas.csv"):
        assert (tmp_path / table).read_text(encoding="utf-8") == (out / table).read_text(encoding="utf-8"), table


def test_an_unpacked_export_or_a_zip_without_its_folder_is_one_export(tmp_path):
    subs = {300001: {"people": [ADA], "at": "2026-03-01 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}},
            300002: {"people": [ADA], "at": "2026-03-02 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}},
            300003: {"people": [JUDY], "at": "2026-03-02 10:00:00 Z", "files": {"gradients.py": STUB.read_bytes()}}}
    folder = _export_folder(tmp_path / "assignment_4242_export", subs)
    flat = _zip(tmp_path / "flat.zip", _export_members(subs, ""))
    for source in (folder, flat):
        out = tmp_path / f"out-{source.name}"
        assert batch.run(str(source), str(out), only=[A01]) == 0
        rows = _rows(out)
        # named from the metadata, each student once; the metadata file is not "a file, not a student folder"
        assert set(rows) == {"ada@uni.edu", "judy@uni.edu"}, rows
        assert rows["ada@uni.edu"]["entry"] == f"{A01}: submission_300002 (2026-03-02 10:00:00 UTC, latest of 2)"
        assert (rows["ada@uni.edu"][A01], rows["judy@uni.edu"][A01]) == (A01_TOTAL, "0")


def test_an_export_for_the_whole_course_holds_every_assignment_its_submissions_have(tmp_path):
    def repo(a01: bytes, a02: bytes | None) -> bytes:
        members = {f"{A01}/gradients.py": a01, **({f"{A02}/descent.py": a02} if a02 else {})}
        return _zip(tmp_path / "repo.zip", members).read_bytes()

    subs = {1: {"people": [ADA], "at": "2026-03-01 10:00:00 Z", "files": {"repo.zip": repo(SOLUTION.read_bytes(), A02_SOLUTION)}},
            2: {"people": [JUDY], "at": "2026-03-01 10:00:00 Z", "files": {"repo.zip": repo(SOLUTION.read_bytes(), b"x = 1\n")}},
            3: {"people": [KEN], "at": "2026-03-01 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}}}
    export = _zip(tmp_path / "course.zip", _export_members(subs, "assignment_9_export/"))
    out = tmp_path / "out"
    assert batch.run(str(export), str(out), only=[A01, A02]) == 0
    rows = _rows(out)
    assert [(rows[s][A01], rows[s][A02]) for s in ("ada@uni.edu", "judy@uni.edu", "ken@uni.edu")] == \
        [(A01_TOTAL, A02_TOTAL), (A01_TOTAL, "0"), (A01_TOTAL, "0")]
    assert rows["ken@uni.edu"]["problems"] == f"{A02}: nothing gradable in submission_3: descent.py was not found in it"
    assert json.loads((out / batch.CLASS_FILE).read_text())["exports"] == [f"assignment_9_export: {A01}, {A02} (3 submissions)"]


def test_a_repository_uploaded_to_one_assignment_is_a_submission_of_that_one_only(tmp_path):
    """Half of a01's export uploaded every module there: it is still a01's export, and their descent.py in it is no
    a02 submission."""
    everything = _zip(tmp_path / "repo.zip", {f"{A01}/gradients.py": SOLUTION.read_bytes(),
                                              f"{A02}/descent.py": A02_SOLUTION}).read_bytes()
    people = [ADA, JUDY, KEN, LEE, JOSE, OLGA]
    subs = {n + 1: {"people": [person], "at": "2026-03-01 10:00:00 Z",
                    "files": {"gradients.py": SOLUTION.read_bytes()} if n % 2 else {"repo.zip": everything}}
            for n, person in enumerate(people)}
    export = _zip(tmp_path / "a01.zip", _export_members(subs, "assignment_9_export/"))
    out = tmp_path / "out"
    assert batch.run(str(export), str(out), only=[A01, A02]) == 0
    assert json.loads((out / batch.CLASS_FILE).read_text())["exports"] == [f"assignment_9_export: {A01} (6 submissions)"]
    rows = _rows(out)
    assert {(row[A01], row[A02], row["problems"]) for row in rows.values()} == {(A01_TOTAL, "0", f"{A02}: not submitted")}


def _one_export(path: Path, subs: dict[int, dict]) -> Path:
    return _zip(path, _export_members(subs, "assignment_7_export/"))


def test_a_rerun_regrades_what_changed_and_names_who_left(tmp_path, capsys, monkeypatch):
    first = {1: {"people": [ADA], "at": "2026-02-01 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}},
             2: {"people": [JUDY], "at": "2026-02-01 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}},
             3: {"people": [KEN], "at": "2026-02-01 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}}}
    exports_dir, out = tmp_path / "exports", tmp_path / "out"
    exports_dir.mkdir()
    _one_export(exports_dir / "a01.zip", first)
    assert batch.run(str(exports_dir), str(out), only=[A01]) == 0
    assert "grading 3 with" in capsys.readouterr().out
    # nothing changed: nothing is regraded
    assert batch.run(str(exports_dir), str(out), only=[A01]) == 0
    assert "3 already graded (FORCE=1 regrades them); grading 0 with" in capsys.readouterr().out
    # a new export: Ada unchanged, Judy resubmitted the stub, Ken is gone, Olga is new; the zip has a new name
    (exports_dir / "a01.zip").unlink()
    second = {1: first[1], 4: {"people": [JUDY], "at": "2026-02-05 10:00:00 Z", "files": {"gradients.py": STUB.read_bytes()}},
              5: {"people": [OLGA], "at": "2026-02-05 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}}}
    _one_export(exports_dir / "assignment_7_export (1).zip", second)
    assert batch.run(str(exports_dir), str(out), only=[A01]) == 0
    printed = capsys.readouterr().out
    assert "3 students in" in printed and "1 already graded" in printed and "1 changed since they were graded" in printed
    assert "grading 2 with" in printed
    assert ("1 student graded before and not in SUBMISSIONS now, left out of grades.csv (their results stay in OUT): "
            "ken@uni.edu") in printed
    rows = _rows(out)
    assert set(rows) == {"ada@uni.edu", "judy@uni.edu", "olga@uni.edu"} and (out / "ken@uni.edu" / "results.json").is_file()
    assert (rows["ada@uni.edu"][A01], rows["judy@uni.edu"][A01], rows["olga@uni.edu"][A01]) == (A01_TOTAL, "0", A01_TOTAL)
    assert rows["judy@uni.edu"]["entry"] == f"{A01}: assignment_7_export (1).zip:assignment_7_export/submission_4 " \
                                            "(2026-02-05 10:00:00 UTC)"
    assert json.loads((out / batch.CLASS_FILE).read_text())["gone"] == ["ken@uni.edu"]
    # contents decide, not names: the same files under other names regrade no one
    (exports_dir / "assignment_7_export (1).zip").rename(exports_dir / "renamed.zip")
    assert batch.run(str(exports_dir), str(out), only=[A01]) == 0
    assert "3 already graded" in capsys.readouterr().out
    # a fix to a suite (its tests, drivers or reference) regrades everyone graded with the old one
    monkeypatch.setattr(batch, "suite_digests", lambda folders: {folder: "fixed" for folder in folders})
    assert batch.run(str(exports_dir), str(out), only=[A01]) == 0
    assert "0 already graded; 3 changed since they were graded; grading 3 with" in capsys.readouterr().out
    # other assignments (ONLY) are a change too: the table must not keep a column graded before
    monkeypatch.undo()
    assert batch.run(str(exports_dir), str(out), only=[A01, A02]) == 0
    assert "grading 3 with" in capsys.readouterr().out and set(_rows(out)["ada@uni.edu"]) >= {A01, A02}


def test_a_rerun_regrades_a_student_whose_module_changed_and_only_then(tmp_path, capsys):
    klass, out = tmp_path / "class", tmp_path / "out"
    for name in ("ann", "bob"):
        (klass / name).mkdir(parents=True)
        shutil.copy(SOLUTION, klass / name / "gradients.py")
    assert batch.run(str(klass), str(out), only=[A01]) == 0
    capsys.readouterr()
    # the same bytes written again (a new file, a new time) are no change; other bytes are
    (klass / "ann" / "gradients.py").write_bytes(SOLUTION.read_bytes())
    (klass / "bob" / "gradients.py").write_bytes(STUB.read_bytes())
    assert batch.run(str(klass), str(out), only=[A01]) == 0
    assert "1 already graded (FORCE=1 regrades them); 1 changed since they were graded; grading 1 with" in \
        capsys.readouterr().out
    assert (_rows(out)["ann"][A01], _rows(out)["bob"][A01]) == (A01_TOTAL, "0")


def test_students_not_graded_have_empty_cells_and_a_reason(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    students = [roster.Student("interrupted", tmp_path, "interrupted", person=exports.Submitter("Ida", "9", "ida@uni.edu"))]
    skipped = [roster.Skipped("link", "a symbolic link: submit a real folder or zip", "link")]
    batch._write_tables(out, students, skipped, [A01])
    rows = _rows(out)
    assert rows["interrupted"] == {"student": "interrupted", "name": "Ida", "sid": "9", "email": "ida@uni.edu", A01: "",
                                   "total": "", "max_score": "", "problems": f"not graded: {classtable.NOT_YET}",
                                   "entry": "interrupted"}
    assert (rows["link"][A01], rows["link"]["total"], rows["link"]["problems"]) == \
        ("", "", "not graded: a symbolic link: submit a real folder or zip")
    with open(out / "canvas.csv", newline="") as fh:
        assert list(csv.DictReader(fh)) == [{"Student": "Ida", "ID": "", "SIS User ID": "9", "SIS Login ID": "ida@uni.edu",
                                             "Section": "", A01: ""}]  # the link is no student


def _encrypted(path: Path) -> Path:
    """Mark every member of the zip at `path` encrypted, as a zip made with a password is (zipfile cannot write one)."""
    data = bytearray(path.read_bytes())
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flags] |= 0x1
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def _bad_inputs(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """Each input a head TA may meet: (the command's arguments, the reason its one line gives)."""
    subs = {1: {"people": [ADA], "at": "2026-02-01 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}}}
    good = _one_export(tmp / "good.zip", subs)
    truncated = tmp / "truncated.zip"
    truncated.write_bytes(good.read_bytes()[:len(good.read_bytes()) // 2])
    no_metadata = _export_folder(tmp / "no-metadata" / "assignment_7_export", subs)
    (no_metadata / "submission_metadata.yml").unlink()
    broken = _export_folder(tmp / "broken" / "assignment_7_export", subs)
    (broken / "submission_metadata.yml").write_text("submission_1:\n  :submitters:\n  - :name: 'Ada\n  :created_at: x\n")
    empty = tmp / "empty" / "assignment_7_export"
    empty.mkdir(parents=True)
    (empty / "submission_metadata.yml").write_text("--- {}\n")
    _zip(tmp / "empty.zip", {})
    return {
        "a bad ONLY": ([str(good), "--only", "a99"], "error: ONLY: unknown assignment 'a99'; the catalogue has: a01_gradients"),
        "a truncated zip": ([str(truncated)], "error: cannot read"),
        "an encrypted zip": ([str(_encrypted(_one_export(tmp / "locked.zip", subs)))],
                             "error: cannot read {}: locked.zip is encrypted; unpack it yourself with its password"),
        "an export without metadata": ([str(no_metadata.parent)],
                                       "not graded: assignment_7_export: a Gradescope export without submission_metadata.yml"),
        "metadata that does not parse": ([str(broken.parent)],
                                         "not graded: assignment_7_export: submission_metadata.yml line 3: a value in ' that "
                                         "is never closed"),
        "an empty export": ([str(empty.parent)], "not graded: assignment_7_export: an empty export: no submission in it"),
        "an empty zip": ([str(tmp / "empty.zip")], "not graded: empty.zip: an empty zip: nothing in it to grade"),
    }


@pytest.mark.parametrize("case", ["a bad ONLY", "a truncated zip", "an encrypted zip", "an export without metadata",
                                  "metadata that does not parse", "an empty export", "an empty zip"])
def test_a_bad_input_gets_one_clear_line_and_exit_2_never_a_traceback(tmp_path, case):
    args, reason = _bad_inputs(tmp_path)[case]
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade-all", args[0], str(tmp_path / "out"), *args[1:]],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr and not proc.stdout
    reason = reason.format(args[0])
    assert any(line.strip().startswith(reason) for line in proc.stderr.splitlines()), proc.stderr
    assert proc.stderr.startswith("error: ") and all(is_inert(line) for line in proc.stderr.splitlines())


def test_a_bad_export_beside_good_ones_costs_only_its_own_row(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    subs = {1: {"people": [ADA], "at": "2026-02-01 10:00:00 Z", "files": {"gradients.py": SOLUTION.read_bytes()}}}
    good = _one_export(folder / "a01.zip", subs)
    (folder / "a02.zip").write_bytes(good.read_bytes()[:100])  # truncated: which export it was cannot be told
    _encrypted(_one_export(folder / "a03.zip", subs))
    proc = _grade_all_cli(folder, tmp_path / "out", A01)
    assert proc.returncode == 0 and "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    rows = _rows(tmp_path / "out")
    assert rows["ada@uni.edu"][A01] == A01_TOTAL
    assert rows["a02.zip"]["problems"].startswith("not graded: not a zip that can be read (BadZipFile")
    assert rows["a03.zip"]["problems"] == ("not graded: a03.zip is encrypted; unpack it yourself with its password and "
                                           "grade the folder")
    assert rows["a02.zip"][A01] == rows["a03.zip"]["total"] == ""


# --------------------------------------------------------------------------- the pool behind grade-all


def _pool_work(job, zygote):
    """A grader process's work, by job: prove the slot's zygote still forks sound children, or fail in one way."""
    kind = job[0]
    if kind == "dies":
        os._exit(3)
    if kind == "raises":
        raise RuntimeError("a grader bug")
    if kind == "hangs":
        time.sleep(60)
    with tempfile.TemporaryDirectory(dir=reachable_tmp()) as tmp:
        os.chmod(tmp, 0o755)
        path = os.path.join(tmp, "probe.py")
        with open(path, "w") as fh:
            fh.write("def f(x):\n    return x + 1.0\n")
        os.chmod(path, 0o644)
        session = Sandbox(zygote).open(path, "probe", Limits())
        value = session.call("f", (job[1],), {})
        session.close()
    return f"{value:g}", True


def test_a_grader_process_that_fails_costs_only_its_student_and_its_slot_gets_a_new_zygote():
    done = {}
    jobs = [("ok", 1.0), ("dies",), ("ok", 2.0), ("raises",), ("hangs",), ("ok", 3.0), ("ok", 4.0)]
    with pool.Pool(1, timeout=3) as workers:
        first = workers.zygotes[0]
        workers.run(jobs, _pool_work, lambda job, line, ok: done.setdefault(job, (line, ok)))
        assert workers.zygotes[0] is not first  # replaced after the failures
    # every sound job, including those after each failure, was graded with a working zygote
    assert [done[("ok", x)] for x in (1.0, 2.0, 3.0, 4.0)] == [("2", True), ("3", True), ("4", True), ("5", True)]
    # each failure is a grader error of its own job, saying what happened
    assert done[("dies",)] == ("grader error: the grading process ended (exit code 3) without a result", False)
    assert done[("raises",)] == ("grader error: RuntimeError: a grader bug", False)
    assert done[("hangs",)] == ("grader error: no result within 3 s", False)


def test_an_interrupt_stops_every_grader_process_and_propagates():
    started = []

    def work(job, zygote):
        time.sleep(0.2 if job == "quick" else 60)
        return "done", True

    def done(job, line, ok):
        started.append(job)
        raise KeyboardInterrupt

    before = set(_children())
    with pool.Pool(2, timeout=120) as workers:
        zygotes = {z.process.pid for z in workers.zygotes}
        with pytest.raises(KeyboardInterrupt):
            workers.run(["quick", "slow"], work, done)
        # the slow grader process is gone, not left running after the interrupt
        assert set(_children()) - before == zygotes
    assert started == ["quick"]  # the interrupt came as the first one finished


def _children() -> list[int]:
    with open(f"/proc/self/task/{os.getpid()}/children") as fh:
        return [int(p) for p in fh.read().split()]


def test_the_benchmark_class_has_the_promised_mix(tmp_path):
    """60% correct, 25% one bank bug, 10% stubs, 5% hostile; every student submits every assignment."""
    what = classroom.generate(tmp_path / "class", 40, seed=1)
    kinds = [kind.split(":")[0] for kind in what.values()]
    assert [kinds.count(k) for k, _ in classroom.MIX] == [24, 10, 4, 2]
    for name, kind in what.items():
        student = tmp_path / "class" / name
        differs = [a.folder for a in CATALOGUE if (student / a.folder / a.filename).read_bytes() != a.solution().read_bytes()]
        # each kind differs from the reference exactly where it says: nowhere, one assignment, a01, everywhere
        if kind in ("correct", "stub"):
            expected = [] if kind == "correct" else [a.folder for a in CATALOGUE]
        elif kind.startswith("hostile"):
            expected = [A01]
        else:
            expected = [kind.split(": ")[1].split("/")[0]]
        assert differs == expected, (name, kind)
    assert classroom.generate(tmp_path / "again", 40, seed=1) == what  # the seed fixes the class
