"""grade-all for real classes: every entry accounted for, Gradescope's export and zips accepted, shards merged."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from autograder import batch, classroom, pool, roster
from autograder.catalogue import BY_FOLDER, CATALOGUE
from autograder.intake import reachable_tmp
from autograder.sandbox.client import Limits, Sandbox

A01 = "a01_gradients"
SOLUTION = BY_FOLDER[A01].solution()
STUB = BY_FOLDER[A01].stub()


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
    assert rows["alice"]["problems"] == ""
    # links and strays are not students: they are named in the summary with the reason, never silently dropped
    assert set(rows) == {"alice", "bob", "carol", "dave", "erin", "frank"}


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
    assert set(rows) == {"ada@uni.edu", "alan@uni.edu"}
    assert rows["ada@uni.edu"]["total"] == rows["ada@uni.edu"]["max_score"] and rows["alan@uni.edu"]["total"] == "0"
    assert not (tmp_path / "escape.py").exists() and not (out / "escape.py").exists()


def test_shards_cover_the_class_once_and_merge(tmp_path, capsys):
    klass = tmp_path / "class"
    for name in ("s1", "s2", "s3", "s4", "s5"):
        (klass / name).mkdir(parents=True)
        shutil.copy(SOLUTION if name != "s3" else STUB, klass / name)
    outs = [tmp_path / f"out{i}" for i in (1, 2)]
    for i, out in enumerate(outs, start=1):
        assert batch.run(str(klass), str(out), only=[A01], shard=f"{i}/2") == 0
    mine = [json.loads((out / batch.CLASS_FILE).read_text())["mine"] for out in outs]
    # deterministic, disjoint, complete
    assert sorted(mine[0] + mine[1]) == ["s1", "s2", "s3", "s4", "s5"] and not set(mine[0]) & set(mine[1])
    assert batch.merge([str(o) for o in outs], str(tmp_path)) == 0
    rows = _rows(tmp_path)
    assert set(rows) == {"s1", "s2", "s3", "s4", "s5"} and rows["s3"]["total"] == "0"
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
    missing = roster.prepare(roster.Student("eve", archive), [A01], tmp_path / "layout")
    assert missing and not (tmp_path / "layout" / A01 / "gradients.py").exists()


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
