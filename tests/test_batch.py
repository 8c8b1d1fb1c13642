"""grade-all for real classes: every entry accounted for, Gradescope's export and zips accepted, shards merged."""

from __future__ import annotations

import csv
import io
import json
import os
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

from autograder import batch, classroom, pool, roster
from autograder.catalogue import BY_FOLDER, CATALOGUE, ROOT
from autograder.intake import reachable_tmp
from autograder.results import Report, grades_csv
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
    assert rows["mallory"]["total"] == rows["mallory"]["max_score"] == "0"


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
    assert rows["ada@uni.edu"]["entry"] == "assignment_9_export/submission_101"
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
    missing, _ = roster.prepare(roster.Student("eve", archive), [A01], tmp_path / "layout")
    assert missing and not (tmp_path / "layout" / A01 / "gradients.py").exists()


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
    full = (A01_TOTAL, A01_TOTAL)
    graded = {"alice": full, "stubby": ("0", A01_TOTAL), "latin1_caf\\xe9": full, "grades.csv": full, "class.json": full,
              "'-dash": full, "fake\\x0aall graded: 99 of 99": full, "esc\\x1b[2Jape": full, "zipper.zip": full}
    for entry, (total, most) in graded.items():
        assert (rows[entry]["total"], rows[entry]["max_score"], rows[entry]["problems"]) == (total, most, ""), entry
    assert 0 < float(rows["surrogate"]["total"]) < float(A01_TOTAL) and rows["surrogate"]["problems"] == ""
    not_graded = {".intake": "hidden (its name begins with a dot)", ".dotted": "hidden (its name begins with a dot)",
                  "linked": "a symbolic link", "stray.txt": "a file, not a student folder or zip"}
    for entry, reason in not_graded.items():
        assert rows[entry]["problems"].startswith(f"not graded: {reason}"), rows[entry]
        assert rows[entry]["total"] == rows[entry]["max_score"] == "0"
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
                    "  - :email: ada@uni.edu\nsubmission_102:\n  :submitters:\n  - :email: bob@uni.edu\n")
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
    assert "nothing gradable" in rows["submission_105"]["problems"]
    assert "upload.zip:inner.zip is a zip inside a zip, which is never opened" in rows["submission_105"]["problems"]
    refusals = {row["entry"]: row["problems"] for row in rows.values() if row["problems"].startswith("not graded")}
    assert refusals == {
        f"assignment_9_export/submission_103/../../../../../../{ESCAPE}-up.py":
            "not graded: a path that leads outside the export (absolute, or with '..'): not unpacked",
        f"{root}/{ESCAPE}-absolute.py":
            "not graded: a path that leads outside the export (absolute, or with '..'): not unpacked",
        "assignment_9_export/submission_104/gradients.py": "not graded: a symbolic link: not unpacked"}
    unpacked = [p for p in (out / ".intake").rglob("*") if p.is_file()]
    assert unpacked and max(p.stat().st_size for p in unpacked) <= roster.MAX_MEMBER_BYTES


@pytest.fixture
def small_class(tmp_path):
    klass = tmp_path / "class"
    for name in ("ann", "victim", "zed"):
        (klass / name).mkdir(parents=True)
        shutil.copy(SOLUTION, klass / name)
    return klass, tmp_path / "out"


def _fail_for_victim(monkeypatch, how):
    real = batch._results_of

    def results_of(student, zygote, folders):
        if student.name == "victim":
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            raise RuntimeError("a grader bug with \udc80 and \x1b[2J in its message")
        return real(student, zygote, folders)

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
    assert rows["victim"]["problems"] == reason and rows["victim"]["total"] == "0"
    printed = capfd.readouterr()
    assert "Traceback" not in printed.err and "\x1b" not in printed.out + printed.err
    assert "grader problems for 1 student(s): victim" in printed.err
    data = json.loads((out / "victim" / "results.json").read_text())
    assert data["extra_data"]["grader_failure"] and data["extra_data"]["problems"] == [reason]
    # merging such an output keeps the row and says so, with the same exit code
    assert batch.merge([str(out)], str(out.parent)) == 1 and _rows(out.parent)["victim"]["problems"] == reason
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
    assert rows["victim"]["problems"].startswith("grader error: results.json could not be written")
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
    rows = {"s": {"score": 1, "max_score": 2, "extra_data": {"assignments": {A01: {"score": 1}},
                                                             "problems": ["=cmd|' /C calc'!A0"],
                                                             "intake": {"entry": "-2+3\x1b[8m\udc80"}}}}
    text = grades_csv(rows, [A01])
    row = next(csv.DictReader(io.StringIO(text)))
    assert row == {"student": "s", A01: "1", "total": "1", "max_score": "2", "problems": "'=cmd|' /C calc'!A0",
                   "entry": "'-2+3\\x1b[8m\\x80"}


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
