"""The Otter-Grader zips grade with this repository's engine: same rows, same scores, same guarantees.

`otter run` (the pinned Otter in .otter-venv, built by the Makefile before `make test`) grades lone module files;
a copy of Gradescope's /autograder layout, run through the zip's own run_otter.py, grades folders and zips.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from autograder.catalogue import BY_FOLDER, CATALOGUE
from autograder.packaging import otter, otter_plugin
from autograder.text import is_inert
from support import ROOT, bank_source, grade_dir, grade_many
from test_hostile import A01, EXPECT, HOSTILE, strings
from test_poison import poisoner

pytestmark = pytest.mark.skipif(not (otter.OTTER_VENV / "bin" / "otter").exists(),
                                reason="no .otter-venv: run the tests with `make test`, which builds it")


class Zips(dict):
    """folder -> the path of its Otter zip, built on first use: `-k a09` builds one zip, not one per assignment."""

    def __init__(self, out: Path):
        super().__init__()
        self.out = out

    def __missing__(self, folder: str) -> Path:
        self[folder] = otter.build(self.out, [folder])[0]
        return self[folder]


@pytest.fixture(scope="module")
def zips(tmp_path_factory) -> dict[str, Path]:
    return Zips(tmp_path_factory.mktemp("otter"))


def rows(results: dict, folder: str) -> list[tuple]:
    """What Gradescope shows for one assignment, test by test."""
    return [(t["name"], t["score"], t["max_score"], t["visibility"], t["output"])
            for t in results["tests"] if t["name"].startswith(folder + ":")]


def gradescope_run(zip_path: Path, upload: Path, tmp: Path) -> dict:
    """Lay out /autograder as Gradescope does, upload `upload`'s contents, run the zip's run_otter.py."""
    ag = tmp / "autograder"
    for sub in ("source", "results"):
        (ag / sub).mkdir(parents=True)
    shutil.copytree(upload, ag / "submission", symlinks=True)
    (ag / "submission_metadata.json").write_text("{}")
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(ag / "source")
    proc = subprocess.run([str(otter.OTTER_VENV / "bin" / "python"), str(ag / "source" / "run_otter.py"), str(ag)],
                          capture_output=True, text=True, timeout=300)
    results = ag / "results" / "results.json"
    assert results.exists(), proc.stdout[-2000:] + proc.stderr[-2000:]
    data = json.loads(results.read_text())
    data["engine_mode"] = oct((ag / "source" / "engine").stat().st_mode & 0o777)
    return data


# --------------------------------------------------------------------------- the same grades everywhere


@pytest.mark.parametrize("a", CATALOGUE, ids=lambda a: a.folder)
def test_solutions_and_stubs_get_the_same_rows_as_make_grade(zips, tmp_path, a):
    jobs = {}
    for kind, path in (("solution", a.solution()), ("stub", a.stub())):
        copy = tmp_path / kind / a.folder / a.filename
        copy.parent.mkdir(parents=True)
        shutil.copy(path, copy)
        jobs[kind] = lambda z=zips[a.folder], c=copy: otter.grade(z, c)
    graded = grade_many(jobs, workers=2)
    for kind in ("solution", "stub"):
        got, local = graded[kind], grade_dir(tmp_path / kind, only=[a.folder])
        # one row per test, with make grade's names, points, outputs and visibilities
        assert rows(got, a.folder) == rows(local, a.folder), kind
        # the top-level score is the sum of the rows: full marks for solutions, nothing for stubs
        assert got["score"] == sum(t["score"] for t in got["tests"])
        assert got["score"] == (sum(t["max_score"] for t in got["tests"]) if kind == "solution" else 0)


# Wrong Value classes whose result depends on the order of a set of nodes, which follows object addresses: they
# lose points in every run, but not always the same tests (docs/otter.md, "Known limits").
ORDER_DEPENDENT = {"wrong_add_overwrites", "wrong_assign_not_accumulate", "wrong_topo_breadth_first", "wrong_topo_no_visited"}


def test_a_sample_of_the_banks_scores_alike_under_otter_grade_and_grade_all(zips, tmp_path):
    klass = tmp_path / "class"
    sample = {}
    for a in CATALOGUE:  # the first wrong bank of every assignment, and the first right one of the first and last
        for prefix in ("wrong_", "right_") if a in (CATALOGUE[0], CATALOGUE[-1]) else ("wrong_",):
            bank = next(p for p in a.banks() if p.stem.startswith(prefix) and p.stem not in ORDER_DEPENDENT)
            student = klass / f"{a.folder}-{bank.stem}"
            (student / a.folder).mkdir(parents=True)
            (student / a.folder / a.filename).write_text(bank_source(bank, a.solution()))
            sample[student.name] = a
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade-all", str(klass), str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    graded = grade_many({s: (lambda s=s, a=a: otter.grade(zips[a.folder], klass / s / a.folder / a.filename))
                         for s, a in sample.items()}, workers=2)
    for student, a in sample.items():
        batch = json.loads((out / student / "results.json").read_text())
        # the same rows, test by test, under `otter run` and `make grade-all` (which runs `make grade`'s command per
        # student; test_solutions_and_stubs_get_the_same_rows_as_make_grade compares with `make grade` directly)
        assert rows(graded[student], a.folder) == rows(batch, a.folder), student
        full = graded[student]["score"] == graded[student]["max_score"]
        assert full == ("right_" in student), f"{student} scored {graded[student]['score']}"


# --------------------------------------------------------------------------- the sandbox's guarantees through a zip


def test_standard_modules_and_poisoned_inputs_grade_under_otter_run_as_under_make_grade(zips, tmp_path):
    """The zips run the same engine: a correct submission importing standard modules the zygote does not load keeps
    full marks (as root, the child runs as nobody); poisoning the inputs earns nothing and costs a correct answer only
    its "not modified" promises. (The hostile corpus below includes the UDP, IPv6 and raw-socket sender.)"""
    a01 = BY_FOLDER[A01]
    sources = {"stdlib": bank_source(ROOT / "tests" / "banks" / A01 / "right_stdlib_imports.py", a01.solution()),
               "poison": poisoner(A01, answer_first=False), "poison_after": poisoner(A01, answer_first=True)}
    files = {}
    for name, source in sources.items():
        files[name] = tmp_path / name / a01.filename
        files[name].parent.mkdir()
        files[name].write_text(source)
    graded = grade_many({name: (lambda f=f: otter.grade(zips[A01], f)) for name, f in files.items()}, workers=2)
    assert graded["stdlib"]["score"] == graded["stdlib"]["max_score"] > 0, graded["stdlib"]["tests"][:3]
    assert graded["poison"]["score"] == 0
    lost = [t for t in graded["poison_after"]["tests"] if t["score"] < t["max_score"]]
    assert lost and all("must not modify" in t["output"] for t in lost), lost


# --------------------------------------------------------------------------- hostile submissions through a zip

SINGLE_FILE = sorted(c for c in EXPECT if (HOSTILE / c / A01 / "gradients.py").is_file() and
                     sorted(os.listdir(HOSTILE / c / A01)) == ["gradients.py"])


@pytest.fixture(scope="module")
def hostile(zips) -> dict[str, dict]:
    """Every single-file case of the hostile corpus, graded through the a01 zip with `otter run`."""
    return grade_many({case: (lambda c=case: otter.grade(zips[A01], HOSTILE / c / A01 / "gradients.py"))
                       for case in SINGLE_FILE}, workers=2)


def test_the_hostile_corpus_gets_what_make_grade_gives_under_otter_run(hostile):
    graded = hostile
    assert len(SINGLE_FILE) >= 25
    for case, results in graded.items():
        score, tag, text = EXPECT[case]
        # nothing for what it did not solve, and the first failing test says what happened
        assert results["score"] == score, (case, results["tests"][:3])
        failing = [t for t in results["tests"] if t["status"] == "failed"]
        assert failing and tag in (None, failing[0]["tags"][0]) and text in failing[0]["output"], (case, failing[:2])


def test_the_submissions_text_reaches_gradescope_inert(hostile):
    # escape sequences, lone surrogates, a 10 MB message: every results.json is written, and every string in it inert
    for case in ("escape_erase_line", "escape_hidden_total", "escape_clipboard", "escape_hyperlink", "carriage_return",
                 "surrogate_message", "surrogate_output", "huge_message", "not_utf8"):
        texts = list(strings(hostile[case]))
        assert texts and all(is_inert(text) for text in texts), (case, [t for t in texts if not is_inert(t)][:2])


def test_a_module_that_is_not_utf8_text_is_the_students_problem_under_otter(zips, tmp_path):
    # Otter reads the .py it is given as UTF-8 before any plugin runs: it crashed on these, and wrote no results.json
    solution = BY_FOLDER[A01].solution().read_bytes()
    uploads = {"utf16": (solution.decode().encode("utf-16"), "it is UTF-16 text"),
               "nul": (solution + b"\n\x00", "it holds a NUL byte"),
               "ff": ((HOSTILE / "not_utf8" / A01 / "gradients.py").read_bytes(), "byte 0xe9 on line 1 is not UTF-8"),
               "big": (solution + b"#" * (1 << 20), "larger than 1 MB")}
    jobs = {}
    for name, (data, _) in uploads.items():
        (tmp_path / name / A01).mkdir(parents=True)
        (tmp_path / name / A01 / "gradients.py").write_bytes(data)
        jobs[name] = lambda n=name: otter.grade(zips[A01], tmp_path / n / A01 / "gradients.py")
    graded = grade_many(jobs, workers=2)
    for name, (_, says) in uploads.items():
        results = graded[name]
        assert results["score"] == 0 and len(results["tests"]) > 1, (name, results["output"])
        shown = results["output"] + results["tests"][0]["output"]  # what the student sees first
        assert says in shown and ("save it as UTF-8" in shown or name == "big"), (name, shown)
        if name != "big":  # the same rows as make grade; under Otter a file over 1 MB is refused before the engine
            assert rows(results, A01) == rows(grade_dir(tmp_path / name, only=[A01]), A01), name
    # Gradescope's own route (run_otter.py, the upload set aside before Otter starts) says the same
    upload = tmp_path / "gs-upload"
    upload.mkdir()
    (upload / "gradients.py").write_bytes(uploads["utf16"][0])
    graded = gradescope_run(zips[A01], upload, tmp_path / "gs")
    assert graded["score"] == 0 and "it is UTF-16 text" in graded["tests"][0]["output"], graded["tests"][0]


def test_a_syntax_error_shows_its_line_and_a_loop_at_import_times_out(hostile):
    syntax = hostile["syntax_error"]["tests"][0]["output"]
    assert "line 10" in syntax and "SyntaxError" in syntax  # not Otter's NameError
    assert "took longer than 5 s" in hostile["loop_at_import"]["tests"][0]["output"]  # not a hung autograder


def test_import_time_tampering_with_otter_gains_nothing(zips, tmp_path):
    # the attack that scores full marks against a stock Otter zip: patch its test classes at import time
    source = ("try:\n"
              "    import otter.test_files.exception_test as et\n"
              "    et.ExceptionTestFile.run = lambda self, env: setattr(self, 'test_case_results', [])\n"
              "except Exception:\n"
              "    pass\n"
              + (ROOT / "assignments" / A01 / "gradients.py").read_text())
    (tmp_path / "gradients.py").write_text(source)
    results = otter.grade(zips[A01], tmp_path / "gradients.py")
    # the patch, if it works at all, changes a copy of Otter in the sandbox's child, not the process that grades
    assert results["score"] == 0 and results["tests"][0]["output"] == "not implemented yet", results["tests"][0]


def test_the_submission_cannot_read_the_engine(zips, tmp_path):
    # looks for the solution wherever Otter may have put it, and grades itself with it if it can read it
    source = '''
import glob, os
FOUND = None
for pattern in ("/autograder/source/engine/solutions/*/gradients.py", "/tmp/*/autograder/source/engine/solutions/*/gradients.py",
                "/tmp/*/source/engine/solutions/*/gradients.py", "../source/engine/solutions/*/gradients.py"):
    for path in glob.glob(pattern):
        try:
            FOUND = open(path).read()
        except OSError:
            pass
if FOUND:
    exec(FOUND)
else:
    def fun_z(x, y):
        return 0.0 * x
    def fun_dz(x, y):
        return 0.0 * x, 0.0 * y
'''
    (tmp_path / "gradients.py").write_text(source)
    assert otter.grade(zips[A01], tmp_path / "gradients.py")["score"] == 0
    upload = tmp_path / "upload"
    upload.mkdir()
    shutil.copy(tmp_path / "gradients.py", upload)
    graded = gradescope_run(zips[A01], upload, tmp_path / "gs")
    assert graded["score"] == 0
    assert graded["engine_mode"] == "0o700"  # root only, once grading has started


# --------------------------------------------------------------------------- what students upload to Gradescope


def test_gradescope_grades_a_lone_file_a_folder_and_a_zip_alike(zips, tmp_path):
    a = BY_FOLDER[A01]
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy(a.solution(), lone / a.filename)
    folder = tmp_path / "folder"
    shutil.copytree(ROOT / "assignments" / A01, folder / A01)  # README, public tests and all
    shutil.copy(a.solution(), folder / A01 / a.filename)
    zipped = tmp_path / "zipped"
    zipped.mkdir()
    shutil.make_archive(str(zipped / A01), "zip", folder)
    expected = rows(grade_dir(ROOT / "solutions", only=[A01]), A01)
    for upload in (lone, folder, zipped):
        graded = gradescope_run(zips[A01], upload, tmp_path / f"gs-{upload.name}")
        assert rows(graded, A01) == expected, upload.name
        assert graded["score"] == sum(row[2] for row in expected) and "Graded" in graded["output"]  # full marks


def test_gradescope_uploads_that_hold_no_module_or_a_link_are_not_submitted(zips, tmp_path):
    empty = tmp_path / "empty"
    (empty / "notes").mkdir(parents=True)
    (empty / "notes" / "readme.txt").write_text("forgot the code")
    link = tmp_path / "link"
    link.mkdir()
    (link / "gradients.py").symlink_to(BY_FOLDER[A01].solution())
    neighbours = tmp_path / "neighbours"
    shutil.copytree(HOSTILE / "neighbours", neighbours)
    for upload, tag, says in ((empty, "not submitted", "gradients.py was not found"),
                              (link, "not submitted", "refused: gradients.py (not a regular file)"),
                              (neighbours, "not implemented", "Graded a01_gradients/gradients.py")):
        graded = gradescope_run(zips[A01], upload, tmp_path / f"gs-{upload.name}")
        # nothing to grade, or only the module: its conftest.py, numpy.py and .pth neighbours are never seen
        assert graded["score"] == 0 and graded["tests"][0]["tags"] == [tag], (upload.name, graded["tests"][:1])
        assert says in graded["output"], graded["output"]


# --------------------------------------------------------------------------- the zip itself


def test_zips_are_reproducible_and_keep_the_engine_private(zips, tmp_path):
    again = otter.build(tmp_path, [A01])[0]
    assert again.read_bytes() == zips[A01].read_bytes()
    with zipfile.ZipFile(again) as zf:
        names = zf.namelist()
        modes = {i.filename: (i.external_attr >> 16) & 0o777 for i in zf.infolist()}
        config = json.loads(zf.read("otter_config.json"))
        requirements = zf.read("requirements.txt").decode() + zf.read(otter.OTTER_REQUIREMENTS).decode()
    secret = [n for n in names if n.startswith(otter.SECRET_PREFIX)]
    # the solution and the hidden suite are inside engine/ only, readable by their owner only
    assert f"{otter.SECRET_PREFIX}solutions/{A01}/gradients.py" in secret
    assert f"{otter.SECRET_PREFIX}autograder/hidden/{A01}/test_hidden.py" in secret
    assert all(modes[n] == 0o600 for n in secret)
    assert not any("solutions/" in n or "hidden/" in n for n in names if n not in secret)
    # no other assignment's solution, and none of Otter's conda or Chromium set-up
    assert not any(n.startswith((f"{otter.SECRET_PREFIX}solutions/a0", f"{otter.SECRET_PREFIX}autograder/hidden/a0"))
                   and A01 not in n for n in names)
    setup = "\n".join(line for line in zipfile.ZipFile(again).read("setup.sh").decode().lower().splitlines()
                      if not line.lstrip().startswith("#"))
    assert not any(word in setup for word in ("miniforge", "mamba", "conda", "playwright", "chromium", "texlive"))
    # every requirement pinned
    pins = [line for line in requirements.splitlines() if line and not line.startswith("#")]
    assert pins and all("==" in line for line in pins)
    assert config["plugins"] == [{"gd_otter_plugin.EngineGrading": {
        "assignment": A01, "module": "gradients", "hidden_visibility": "after_published"}}]


def test_setup_script_is_valid_bash():
    for name in ("setup.sh", "run_autograder"):
        subprocess.run(["bash", "-n", str(otter.FILES / name)], check=True)


def test_make_otter_refuses_an_unknown_visibility():
    proc = subprocess.run([sys.executable, "-m", "autograder", "otter", "--hidden-visibility", "sometimes"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "after_published" in proc.stderr


# --------------------------------------------------------------------------- intake, without Otter


@pytest.mark.parametrize("layout, expected", [
    ({"gradients.py": "A"}, "A"),
    ({"a01_gradients/gradients.py": "A", "a01_gradients/test_public.py": "T"}, "A"),
    ({"gradients.py": "A", "old/gradients.py": "B"}, "A"),             # the shallowest wins
    ({"deep/er/gradients.py": "A"}, "A"),
    ({"x/gradients.py": "A", "y/gradients.py": "B"}, None),            # a tie is refused
    ({"gradients.txt": "A"}, None),
    ({"__MACOSX/gradients.py": "junk", "a01_gradients/gradients.py": "A"}, "A"),
])
def test_locate_finds_the_module(tmp_path, layout, expected):
    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    data, note = otter_plugin.locate(tmp_path, A01, "gradients.py")
    assert (data.decode() if data else None) == expected, note


def test_locate_reads_zips_without_extracting_and_refuses_links(tmp_path):
    upload = tmp_path / "upload"
    upload.mkdir()
    with zipfile.ZipFile(upload / "hw.zip", "w") as zf:
        zf.writestr("a01_gradients/gradients.py", "Z")
        zf.writestr("../gradients.py", "escape")
    assert otter_plugin.locate(upload, A01, "gradients.py") == (b"Z", "Graded hw.zip:a01_gradients/gradients.py from your submission.")
    assert os.listdir(upload) == ["hw.zip"]
    (upload / "gradients.py").symlink_to("/etc/hostname")
    data, note = otter_plugin.locate(upload, A01, "gradients.py")
    assert data == b"Z" and "gradients.py" in note
