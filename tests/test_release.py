"""make release: each gate refuses what it guards, the student bundle is complete and secret-free and works on its
own, the manifest's hashes match, and the release workflow lints clean.

Gate tests work on a throwaway `git clone` of this repository (so this checkout is never touched), break exactly
what one gate guards, and run only that gate.
"""

from __future__ import annotations

import hashlib
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from autograder.catalogue import CATALOGUE, ENGINE, INSTRUCTOR, STUDENT, TRANSLATIONS, audience
from autograder.packaging import audit, release, student, tryout
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


def test_translations_gate_refuses_a_translation_that_disagrees(clone, tmp_path, capsys):
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["translations"])
    assert code == 0 and "gate 1/1 'translations': passed" in text and "pages agree" in text, text
    handout = clone / "assignments" / "a02_gradient_descent" / "README.zh-CN.md"
    handout.write_text(handout.read_text().replace("| 2 | (1.92, -2.56) | 10.24 |", "| 2 | (1.92, -2.56) | 10.42 |"))
    commit_all(clone, "a Chinese handout with a mistyped number")
    out = tmp_path / "dist2"
    code, text = run_release(capsys, clone, out, ["translations"])
    assert_refused(code, text, out, "translations")
    assert "assignments/a02_gradient_descent/README.zh-CN.md: tables: numbers in table 1" in text and "10.42" in text


REL_ERROR_ANSWER = "return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))"  # a03's rel_error


@pytest.mark.parametrize("rel, added, solution, line", [
    ("assignments/a01_gradients/README.md", ["", "    " + A01_SOLUTION_LINE], "solutions/a01_gradients/gradients.py",
     A01_SOLUTION_LINE),
    # the Chinese handouts ship too, and are read the same way
    ("assignments/a01_gradients/README.zh-CN.md", ["", "    " + A01_SOLUTION_LINE], "solutions/a01_gradients/gradients.py",
     A01_SOLUTION_LINE),
    # the engine ships to every student: a solution line copied into it is a leak like any other
    ("autograder/plots/curves.py", ["", "", "def _rel_error(x, y):", "    " + REL_ERROR_ANSWER],
     "solutions/a03_numerical_gradient/numerical.py", REL_ERROR_ANSWER),
], ids=["handout", "handout-zh", "engine"])
def test_leak_audit_gate_refuses_a_solution_line(clone, tmp_path, capsys, rel, added, solution, line):
    assert audience(rel) in (STUDENT, ENGINE)
    path = clone / rel
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines, *added, ""]))
    commit_all(clone, f"{rel} gives an answer away")
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["leak audit"])
    assert_refused(code, text, out, "leak audit")
    assert (f"student/{rel} line {len(lines) + len(added)} contains a line of {solution}'s solution block: "
            f"{line}") in text


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
    written = student.written_files()
    assert shipped | set(written) == set(files)
    assert not [p for p in files if p not in written and audience(p) == INSTRUCTOR]
    assert not [p for p in files if p.startswith(("solutions/", "autograder/hidden/", "autograder/packaging/", "tests/"))]
    assert "course.toml" not in files
    # every handout in English and in each translation
    assert {a.handout(Path(), lang).as_posix() for a in CATALOGUE for lang in (None, *TRANSLATIONS)} <= set(files)
    # the templates, as they are, at the root and in every assignment's folder; the READMEs with the course filled in
    readmes = {"README.md", *(f"README.{lang}.md" for lang in TRANSLATIONS)}
    assert {f"assignments/{a.folder}/Makefile" for a in CATALOGUE} | {"Makefile", "pytest.ini"} | readmes == set(written)
    for rel, template in written.items():
        want = (student.readme(ROOT, student.READMES[rel]).encode() if rel in readmes else
                (student.TEMPLATES / template).read_bytes())
        assert (tmp_path / "student" / rel).read_bytes() == want, rel


def test_the_bundle_says_which_file_to_submit_and_where(clone, tmp_path):
    """Each assignment's module is named, with the course's own words on where to upload it (course.toml), or a
    default that sends students to the course's instructions, in the README and in Chinese in README.zh-CN.md (the
    course's Chinese words, else its own, else the default in Chinese); a course.toml that cannot be read stops the
    build."""
    text, zh = student.readme(clone), student.readme(clone, "zh-CN")
    for a in CATALOGUE:
        assert f"| `{a.folder}` | `assignments/{a.folder}/{a.filename}` |" in text
        assert f"| `{a.folder}` | `assignments/{a.folder}/{a.filename}` |" in zh
    assert "@SUBMIT" not in text and f"**Where:** {student.DEFAULT_SUBMIT_TO}" in text
    assert "@SUBMIT" not in zh and "| 作业 | 要提交的文件 |" in zh
    assert f"**提交到：** {student.TRANSLATED['zh-CN']['default']}" in zh
    (clone / "course.toml").write_text('submit_to = "On Gradescope, course 4242 (entry code K7Q2XZ)."\n')
    assert "**Where:** On Gradescope, course 4242 (entry code K7Q2XZ)." in student.readme(clone)
    assert "**提交到：** On Gradescope, course 4242 (entry code K7Q2XZ)." in student.readme(clone, "zh-CN")
    (clone / "course.toml").write_text('submit_to = "On Gradescope, course 4242."\n'
                                       'submit_to_zh-CN = "在 Gradescope 上，课程号 4242。"\n')
    assert "**Where:** On Gradescope, course 4242." in student.readme(clone)
    assert "**提交到：** 在 Gradescope 上，课程号 4242。" in student.readme(clone, "zh-CN")
    for broken, said in (('submit_to = "unclosed\n', "is not valid TOML"), ("submit-to = 'x'\n", "unknown key"),
                         ("submit_to = 3\n", "must be a string"), ("submit_to_zh-CN = 3\n", "must be a string"),
                         ('course_url = "ftp://x/s.zip"\n', "not an http")):
        (clone / "course.toml").write_text(broken)
        with pytest.raises(RuntimeError, match=said):
            student.build(clone, tmp_path / broken.split()[0])


def test_the_commands_tried_are_the_shown_ones_and_the_required_ones(tmp_path):
    student.build(ROOT, tmp_path / "student")
    tried = tryout.commands(tmp_path / "student")
    lines = [c.line for c in tried if not c.where]
    # the README's own, every handout's pytest line, the required ones; make clean last; no PYTHON3= advice
    assert 'make test ONLY="a01_gradients a02_gradient_descent"' in lines and "make plots" in lines
    assert all(f"pytest assignments/{a.folder}" in lines for a in CATALOGUE)
    assert all(tryout.Command(where, line) in tried for where, line in tryout.REQUIRED)
    assert tried[-1] == tryout.Command("", "make clean") and not [c for c in tried if "PYTHON3=" in c.line]
    # the Chinese handouts and README are read too: a command shown only there is tried
    assert tryout.Command("", "make grade ONLY=a05_sgd") not in tried
    handout = tmp_path / "student" / "assignments" / "a05_sgd" / "README.zh-CN.md"
    handout.write_text(handout.read_text() + "\n`make grade ONLY=a05_sgd`\n")
    assert tryout.Command("", "make grade ONLY=a05_sgd") in tryout.commands(tmp_path / "student")


def _unpacked(tmp_path: Path, solutions: bool) -> Path:
    student.build(ROOT, tmp_path / "student")
    student.write_zip(tmp_path / "student", tmp_path / "student-0.0.0.zip", "student-0.0.0")
    bundle = student.unpack(tmp_path / "student-0.0.0.zip", tmp_path / "unpacked")
    if solutions:
        tryout.put_solutions(ROOT, bundle)
    return bundle


def test_the_bundle_commands_catch_test_files_of_one_name(tmp_path):
    """Every public test file is test_public.py: without the bundle's pytest.ini, pytest imports them by name and
    `make test` stops at collection. The tryout says so; with pytest.ini it runs every assignment's tests."""
    bundle = _unpacked(tmp_path, solutions=True)
    tryout.seed_venv(bundle)
    command = tryout.Command("", 'make test ONLY="a01_gradients a02_gradient_descent"')
    assert tryout.problem(bundle, command, tryout.run(bundle, command)) is None
    (bundle / "pytest.ini").unlink()
    found = tryout.problem(bundle, command, tryout.run(bundle, command))
    assert found and "import file mismatch" in found, found


def test_bundle_gate_refuses_a_command_that_does_not_work_as_shown(clone, tmp_path, capsys, monkeypatch):
    handout = clone / "assignments" / "a01_gradients" / "README.md"
    handout.write_text(handout.read_text().replace("`pytest assignments/a01_gradients`", "`pytest assignments/a01_gradient`"))
    commit_all(clone, "a handout whose pytest line names a folder that does not exist")
    every = tryout.commands
    # the handouts' pytest lines of a01 only: the whole list runs in the tests of the unpacked bundle below
    monkeypatch.setattr(tryout, "commands", lambda bundle: [c for c in every(bundle) if "assignments/a01" in c.line])
    out = tmp_path / "dist"
    code, text = run_release(capsys, clone, out, ["bundle"])
    assert_refused(code, text, out, "bundle")
    assert "`pytest assignments/a01_gradient` exited 4:" in text and "file or directory not found" in text
    assert "`pytest assignments/a01_gradients -x -k fun_dz`" not in text  # the commands that work are not listed


def oldest_python() -> tuple[str, tuple[int, ...]] | None:
    """The oldest python3 on this machine that the bundle's Makefile accepts (and this user or, as root, nobody
    can run), with its version; None when there is none."""
    check = re.search(r"sys\.version_info < \(([\d, ]+)\)", (student.TEMPLATES / "Makefile").read_text())
    minimum = tuple(int(n) for n in check[1].split(","))
    prefix = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
    found = {}
    # a virtual environment's python is no candidate: `make` builds .venv with the interpreter it was made from,
    # which may lie where the user cannot go (this very test's .venv, made from a python under /root)
    probe = "import sys, venv; assert sys.prefix == sys.base_prefix, 'a virtual environment'; print(*sys.version_info[:3])"
    for candidate in {"/usr/bin/python3", shutil.which("python3") or "", sys.executable,
                      str(Path(sys.base_prefix, "bin", f"python{sys.version_info.major}.{sys.version_info.minor}"))}:
        if candidate and os.path.exists(candidate):
            proc = subprocess.run([*prefix, candidate, "-c", probe], capture_output=True, text=True)
            if proc.returncode == 0:
                found[candidate] = tuple(int(n) for n in proc.stdout.split())
    accepted = sorted((version, path) for path, version in found.items() if version[:len(minimum)] >= minimum)
    return (accepted[0][1], accepted[0][0]) if accepted else None


def test_unpacked_student_zip_works_as_its_readme_says_for_an_ordinary_user(tmp_path):
    """As a student: an ordinary user (nobody, when the tests run as root), with the oldest python3 here that the
    bundle accepts (Debian's 3.11.2 on this CI), in a fresh unpacked zip. make lists only student targets; make
    grade builds .venv with pip and grades the stubs (public tests only); make test runs every assignment's public
    tests; instructor commands are refused. Then, with the solutions in place, every command the README and the
    handouts show works as shown (tryout.try_bundle, as the release gate runs them)."""
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser: no ordinary user to try the bundle as")
    python = oldest_python()
    if python is None:
        pytest.skip("no python3 here that the bundle accepts can be run by an ordinary user")
    python, version = python
    base = Path(tempfile.mkdtemp(prefix="gd-bundle-"))
    try:
        base.chmod(0o755)
        bundle = _unpacked(base, solutions=False)
        (base / "home").mkdir()
        prefix = []
        if os.geteuid() == 0:  # runuser sets HOME to nobody's, /nonexistent: a student has a home to write in
            prefix = ["runuser", "-u", "nobody", "--", "env", f"HOME={base / 'home'}"]
            nobody = pwd.getpwnam("nobody")
            for path in [base / "home", *base.joinpath("unpacked").rglob("*"), base / "unpacked"]:
                os.chown(path, nobody.pw_uid, nobody.pw_gid, follow_symlinks=False)
        env = {**tryout.environment(), "HOME": str(base / "home")}

        def make(*args, where=""):
            return subprocess.run([*prefix, "make", "--no-print-directory", *args, f"PYTHON3={python}"], env=env,
                                  cwd=bundle / where, capture_output=True, text=True, timeout=tryout.TIMEOUT)

        listed = make()
        targets = [line.split()[0] for line in listed.stdout.splitlines() if line.startswith("  ")]
        assert listed.returncode == 0 and targets == ["help", "grade", "test", "plots", "notebook", "clean"], \
            listed.stdout + listed.stderr
        graded = make("grade")
        assert graded.returncode == 0, graded.stdout[-3000:] + graded.stderr[-3000:]
        assert "a01_gradients" in graded.stdout and "not implemented yet" in graded.stdout
        assert "Total: 0 / " in graded.stdout
        venv_python = subprocess.run([str(bundle / ".venv" / "bin" / "python"), "-c", "import sys; print(*sys.version_info[:3])"],
                                     capture_output=True, text=True).stdout.split()
        assert tuple(map(int, venv_python)) == version, f".venv was built with {venv_python}, not {python}"
        one = make("grade", "ONLY=a01_gradients")
        assert one.returncode == 0 and "a02_gradient_descent" not in one.stdout, one.stdout + one.stderr
        public = sum(len(re.findall(r"^def test_", a.public_tests()[0].read_text(), flags=re.M)) for a in CATALOGUE)
        for args in (("test",), ("test", "ONLY=a01_gradients a02_gradient_descent")):
            tested = make(*args)
            # every assignment's tests are collected and run: each fails as not implemented, none is an error
            summary = tested.stdout.strip().splitlines()[-1]
            assert tested.returncode != 0 and " failed" in summary and "error" not in summary, tested.stdout[-3000:]
            if args == ("test",):
                assert f"{public} failed" in summary, summary
        inside = make("grade", where="assignments/a02_gradient_descent")
        assert inside.returncode == 0 and "ONLY=a02_gradient_descent" in inside.stdout, inside.stdout + inside.stderr
        assert "a02_gradient_descent" in inside.stdout and "a01_gradients" not in inside.stdout.split("\n", 1)[1]
        refused = subprocess.run([*prefix, str(bundle / ".venv" / "bin" / "python"), "-m", "autograder", "stubs"],
                                 cwd=bundle, env=env, capture_output=True, text=True)
        assert refused.returncode == 2 and "'stubs' is an instructor command" in refused.stderr, refused.stderr
        tryout.put_solutions(ROOT, bundle)
        ran, problems = tryout.try_bundle(bundle, prefix=prefix, env=env)
        assert not problems, "\n\n".join(problems)
        assert len(ran) == len(tryout.commands(bundle)) > 20
    finally:
        shutil.rmtree(base, ignore_errors=True)


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
