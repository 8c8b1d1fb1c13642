"""make release: each gate refuses what it guards, the student bundle is complete and secret-free and works on its
own, the manifest's hashes match, and the release workflow lints clean.

Gate tests work on a throwaway `git clone` of this repository (so this checkout is never touched), break exactly
what one gate guards, and run only that gate.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from autograder.catalogue import ENGINE, INSTRUCTOR, STUDENT, audience
from autograder.packaging import audit, release, student
from support import ROOT

GIT = ["git", "-c", "user.name=release test", "-c", "user.email=release@test.invalid"]
A01_SOLUTION_LINE = "return np.sin(x**2 + y**2)"  # a line of solutions/a01_gradients/gradients.py's solution block


@pytest.fixture
def clone(tmp_path) -> Path:
    """A fresh clone of this repository's HEAD, with a clean tree."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(repo)], check=True)
    return repo


def commit_all(repo: Path, message: str) -> None:
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "--quiet", "-m", message], cwd=repo, check=True)


def run_release(capsys, repo: Path, out: Path, gates, version="0.1.0", **kwargs) -> tuple[int, str]:
    """release.main on `repo` with only `gates`, no Otter zips; its exit code and everything it printed."""
    code = release.main(version, out=out, root=repo, gates=gates, otter=kwargs.pop("otter", False), **kwargs)
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def assert_refused(code: int, text: str, out: Path, gate: str) -> None:
    assert code == 1, text
    assert f"gate '{gate}' failed: " in text, text
    assert not out.exists(), "a refused release wrote dist/"
    assert not list(out.parent.glob(f".{out.name}.*")), "a refused release left its staging folder behind"


# --------------------------------------------------------------------------- every gate refuses what it guards


def test_clean_tree_gate_refuses_uncommitted_work(clone, tmp_path, capsys):
    (clone / "notes.txt").write_text("work in progress\n")
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["clean tree"])
    assert_refused(code, text, out, "clean tree")
    assert "?? notes.txt" in text and "commit" in text


def test_changelog_gate_refuses_a_version_without_a_section(clone, tmp_path, capsys):
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["clean tree", "changelog"], version="9.9.9")
    assert_refused(code, text, out, "changelog")
    assert "CHANGELOG.md has no section for 9.9.9" in text


@pytest.mark.parametrize("version", ["1.2", "v0.1.0", "0.1.0-rc1", ""])
def test_a_version_that_is_not_x_y_z_is_refused(version, tmp_path, capsys):
    out = tmp_path / "dist"
    assert release.main(version, out=out, gates=[], otter=False) == 2
    assert "is not x.y.z" in capsys.readouterr().err
    assert not out.exists()


def test_stubs_gate_refuses_a_stub_out_of_sync(clone, tmp_path, capsys):
    stub = clone / "assignments" / "a01_gradients" / "gradients.py"
    stub.write_text(stub.read_text() + "\n# edited by hand\n")
    commit_all(clone, "a stub edited by hand")
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["stubs"])
    assert_refused(code, text, out, "stubs")
    assert "assignments/a01_gradients/gradients.py differs from what `make stubs` writes" in text


def test_leak_audit_gate_refuses_a_solution_line_in_a_handout(clone, tmp_path, capsys):
    handout = clone / "assignments" / "a01_gradients" / "README.md"
    lines = handout.read_text().splitlines()
    handout.write_text("\n".join([*lines, "", "    " + A01_SOLUTION_LINE, ""]))
    commit_all(clone, "a handout that gives the answer away")
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["leak audit"])
    assert_refused(code, text, out, "leak audit")
    assert (f"student/assignments/a01_gradients/README.md line {len(lines) + 2} contains a line of "
            f"solutions/a01_gradients/gradients.py's solution block: {A01_SOLUTION_LINE}") in text


REL_ERROR_ANSWER = "return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))"  # a03's rel_error


def test_leak_audit_gate_refuses_a_solution_line_in_the_engine(clone, tmp_path, capsys):
    """The engine ships to every student: a solution line copied into it is a leak like any other."""
    engine = clone / "autograder" / "plots" / "curves.py"
    lines = engine.read_text().splitlines()
    engine.write_text("\n".join([*lines, "", "", "def _rel_error(x, y):", "    " + REL_ERROR_ANSWER, ""]))
    assert audience("autograder/plots/curves.py") == ENGINE
    commit_all(clone, "a figure that measures with a03's answer")
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["leak audit"])
    assert_refused(code, text, out, "leak audit")
    assert (f"student/autograder/plots/curves.py line {len(lines) + 4} contains a line of "
            f"solutions/a03_numerical_gradient/numerical.py's solution block: {REL_ERROR_ANSWER}") in text


def test_every_file_of_the_bundle_passes_the_leak_audit(tmp_path):
    """What this checkout ships, engine included, holds no distinctive solution or hidden-suite line."""
    student.build(ROOT, tmp_path / "student")
    found = audit.secrets(ROOT, student.bundle_files(ROOT))
    assert audit.audit_folder(tmp_path / "student", "student", found) == []
    # the figure of a03 measures with the module's own rel_error: the engine holds no copy of the answer
    assert REL_ERROR_ANSWER in found.lines and A01_SOLUTION_LINE in found.lines


def test_a_solution_line_a_stub_gives_away_is_not_a_secret():
    """A line the students are given anyway, in a stub's docstring, is no evidence; glued to a longer name it is."""
    found = audit.secrets(ROOT, student.bundle_files(ROOT))
    # a03's solution line, given by a05's docstring ("Create one generator, rng = np.random.default_rng(seed), ...")
    assert "rng = np.random.default_rng(seed)" not in found.lines
    # a05's and a08's solution lines, given by the docstrings that specify them
    assert "p = rng.permutation(n)" not in found.lines and "self.grad = 1.0" not in found.lines
    assert audit._given("rng = f(seed)", "use rng = f(seed), once") and not audit._given("rng = f(seed)", "arng = f(seed)")
    assert not audit._given("rng = f(seed)", "rng = f(seed2)")


def test_leak_audit_gate_reads_every_member_of_an_otter_zip_outside_engine(clone, tmp_path, capsys, monkeypatch):
    hidden = (clone / "autograder" / "hidden" / "a01_gradients" / "test_hidden.py").read_text()
    secret_line = next(line for line in hidden.splitlines() if "ANCHORS" in line and "=" in line)

    def build(out_dir, folders=None, hidden_visibility="after_published"):
        out_dir.mkdir(parents=True)
        path = out_dir / "a01_gradients.zip"
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("engine/autograder/hidden/a01_gradients/test_hidden.py", hidden)  # secret: root only
            zf.writestr("tests/engine.py", f"# placeholder\n{secret_line}\n")         # readable: a leak
        return [path]

    fake = SimpleNamespace(build=build, grade=None, SECRET_PREFIX="engine/", OTTER_VENV=None, ROOT=clone)
    monkeypatch.setattr(release, "_otter_module", lambda root: fake)
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["leak audit"], otter=True)
    assert_refused(code, text, out, "leak audit")
    assert "otter/a01_gradients.zip member tests/engine.py line 2 contains a line of the hidden suite" in text
    assert "member engine/" not in text


def test_leak_audit_finds_copies_and_hidden_paths(tmp_path):
    shipped = student.bundle_files(ROOT)
    found = audit.secrets(ROOT, shipped)
    hidden = ROOT / "autograder" / "hidden" / "a01_gradients" / "test_hidden.py"
    copy = audit.check_file("dist/student/notes/test_hidden.py", hidden.read_bytes(), found)
    assert any("byte-for-byte copy of autograder/hidden/a01_gradients/test_hidden.py" in leak for leak in copy)
    assert audit.check_file("x/autograder/hidden/a01_gradients/test_x.py", b"", found)
    # generic lines are never evidence; every shipped file of this checkout passes on its own lines
    assert audit.is_generic("else:") and audit.is_generic("return None") and not audit.is_generic(A01_SOLUTION_LINE)
    assert not audit.check_file("stub.py", (ROOT / "assignments/a01_gradients/gradients.py").read_bytes(), found)


def test_grades_gate_refuses_a_solution_that_loses_points(clone, tmp_path, capsys):
    solution = clone / "solutions" / "a01_gradients" / "gradients.py"
    solution.write_text(solution.read_text().replace(A01_SOLUTION_LINE, "return np.cos(x**2 + y**2)"))
    commit_all(clone, "a broken reference")
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["grades"], folders=["a01_gradients"])
    assert_refused(code, text, out, "grades")
    assert "make grade of solutions/ scored" in text and "not full marks" in text


def test_banks_gate_refuses_a_surviving_mutant(clone, tmp_path, capsys):
    banks = clone / "tests" / "banks" / "a01_gradients"
    text = (banks / "right_explicit_steps.py").read_text()
    (banks / "wrong_correct_after_all.py").write_text(text)  # correct code, filed as a mistake: it keeps full marks
    commit_all(clone, "a mutant that survives")
    out = tmp_path / "dist"
    code, printed = run_release(capsys, clone, out, ["banks"], folders=["a01_gradients"])
    assert_refused(code, printed, out, "banks")
    assert "tests/banks/a01_gradients/wrong_correct_after_all.py kept full marks" in printed
    total = len(list(banks.glob("wrong_*.py")) + list(banks.glob("right_*.py")))
    assert f"banks {total}/{total}" in printed
    assert printed.count(" kept full marks") == 1 and "lost points" not in printed


# --------------------------------------------------------------------------- what a release holds


def test_release_writes_notes_and_a_manifest_whose_hashes_match(clone, tmp_path, capsys):
    out = tmp_path / "dist"
    (out / "otter").mkdir(parents=True)
    (out / "stale.txt").write_text("from an earlier release\n")
    code, text = run_release(capsys, clone, out, ["clean tree", "changelog", "stubs"])
    assert code == 0, text
    assert not (out / "stale.txt").exists(), "dist/ is replaced as a whole"
    manifest = json.loads((out / "MANIFEST.json").read_text())
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, capture_output=True, text=True).stdout.strip()
    assert (manifest["version"], manifest["commit"]) == ("0.1.0", head)
    assert set(manifest["tools"]) == {"python", "numpy", "pytest", "otter-grader"}
    listed = {e["path"]: e for e in manifest["artifacts"]}
    assert set(listed) == {"RELEASE_NOTES.md", "student-0.1.0.zip"}
    for entry in manifest["artifacts"]:
        data = (out / entry["path"]).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (entry["sha256"], entry["size"]), entry["path"]
    on_disk = sorted(p.relative_to(out / "student").as_posix() for p in (out / "student").rglob("*") if p.is_file())
    assert on_disk == sorted(e["path"] for e in manifest["student_files"])
    for entry in manifest["student_files"]:
        assert hashlib.sha256((out / "student" / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    assert (out / "RELEASE_NOTES.md").read_text().startswith("## [0.1.0] - 2026-12-03\n")
    assert student.zip_contents(out / "student-0.1.0.zip") == student.folder_contents(out / "student")


def test_student_bundle_has_every_student_and_engine_file_and_no_instructor_file(tmp_path):
    files = student.build(ROOT, tmp_path / "student")
    tracked = student.tracked_files(ROOT)
    shipped = {p for p in tracked if audience(p) in (STUDENT, ENGINE)}
    assert shipped | {"Makefile", "README.md"} == set(files)
    assert not [p for p in files if p not in ("Makefile", "README.md") and audience(p) == INSTRUCTOR]
    assert not [p for p in files if p.startswith(("solutions/", "autograder/hidden/", "autograder/packaging/", "tests/"))]
    for name in ("Makefile", "README.md"):
        assert (tmp_path / "student" / name).read_bytes() == (student.TEMPLATES / name).read_bytes()


def test_unpacked_student_zip_grades_with_only_python(tmp_path):
    """make help lists only student targets; make grade builds .venv and grades the stubs (public tests only);
    make test runs the public tests; instructor commands are refused."""
    student.build(ROOT, tmp_path / "student")
    student.write_zip(tmp_path / "student", tmp_path / "student-0.0.0.zip", "student-0.0.0")
    fresh = student.unpack(tmp_path / "student-0.0.0.zip", tmp_path / "unpacked")
    python = Path(sys.base_prefix, "bin", f"python{sys.version_info.major}.{sys.version_info.minor}")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "MAKEFLAGS")}

    def make(*args, timeout=600):
        return subprocess.run(["make", "--no-print-directory", *args, f"PYTHON3={python}"], cwd=fresh, env=env,
                              capture_output=True, text=True, timeout=timeout)

    listed = make()
    targets = [line.split()[0] for line in listed.stdout.splitlines() if line.startswith("  ")]
    assert listed.returncode == 0 and targets == ["help", "grade", "test", "plots", "clean"], listed.stdout + listed.stderr
    graded = make("grade")
    assert graded.returncode == 0, graded.stdout[-3000:] + graded.stderr[-3000:]
    assert "a01_gradients" in graded.stdout and "not implemented yet" in graded.stdout
    assert "Total: 0 / " in graded.stdout
    one = make("grade", "ONLY=a01_gradients")
    assert one.returncode == 0 and "a02_gradient_descent" not in one.stdout, one.stdout + one.stderr
    tested = make("test", "ONLY=a01_gradients")
    assert tested.returncode != 0 and "failed" in tested.stdout, tested.stdout[-2000:]
    refused = subprocess.run([str(fresh / ".venv" / "bin" / "python"), "-m", "autograder", "stubs"], cwd=fresh,
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "'stubs' is an instructor command" in refused.stderr, refused.stderr


# --------------------------------------------------------------------------- the GitHub workflow


def actionlint() -> Path:
    binary = Path(sys.executable).parent / "actionlint"
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run the tests with `make test`, which installs requirements-dev.txt")
    return binary


def lint(path: Path) -> subprocess.CompletedProcess:
    # shellcheck and pyflakes integrations off: the result must not depend on what else this machine has
    return subprocess.run([str(actionlint()), "-shellcheck=", "-pyflakes=", str(path)], capture_output=True, text=True)


def test_release_workflow_lints_clean(tmp_path):
    workflow = ROOT / ".github" / "workflows" / "release.yml"
    proc = lint(workflow)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr
    text = workflow.read_text()
    assert "make test" in text and 'make release VERSION="${GITHUB_REF_NAME#v}"' in text
    broken = tmp_path / "broken.yml"
    broken.write_text(text.replace("secrets.GITHUB_TOKEN", "secret.GITHUB_TOKEN"))
    assert lint(broken).returncode != 0, "actionlint passed a workflow with an undefined variable"
