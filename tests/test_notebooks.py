"""The notebooks: generated from the handouts, committed up to date, valid, free of solutions, and working when run
top to bottom in a real Jupyter kernel (nbclient and ipykernel): on the solutions every check() shows full marks and
every show() draws; on the stubs no cell fails, checks say "not implemented" and figures give their note. The
first cell on Colab is run with a stand-in `google.colab`, offline.

Executing every notebook twice (solutions, stubs) is most of this file's time; the runs share one pool of two.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import notebook as runtime
from autograder.catalogue import CATALOGUE, lookup
from autograder.packaging import notebooks, student
from autograder.plots.figures import FIGURES
from autograder.results import Report
from autograder.results import TestResult as Result
from support import ROOT

KERNEL_TIMEOUT = 300  # seconds for one cell: a check() of a whole assignment takes about a second


def course_copy(target: Path, solutions: bool) -> Path:
    """A student's copy of the course (the bundle's files) at `target`, with the solutions in place of the stubs
    when `solutions`; the notebooks as this checkout has them now."""
    student.build(ROOT, target)
    for assignment in CATALOGUE:
        for lang in notebooks.LANGUAGES:
            shutil.copyfile(notebooks.notebook_path(assignment, lang),
                            notebooks.notebook_path(assignment, lang, root=target))
        if solutions:
            shutil.copyfile(assignment.solution(), assignment.stub(target))
    return target


def execute(path: Path, allow_errors: bool = False, cwd: Path | None = None):
    """Run the notebook at `path` top to bottom in a fresh kernel started in its folder (or `cwd`); return it."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=KERNEL_TIMEOUT, kernel_name="python3", allow_errors=allow_errors,
                            resources={"metadata": {"path": str(cwd or path.parent)}})
    client.execute()
    return nb


def outputs(cell) -> list[dict]:
    return [dict(o) for o in cell.get("outputs", [])]


def texts(cell) -> str:
    """Everything a code cell showed as text."""
    shown = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            shown.append(out.text)
        elif out.output_type in ("display_data", "execute_result"):
            shown.append(out.data.get("text/plain", ""))
        elif out.output_type == "error":
            shown.append("\n".join(out.traceback))
    return "\n".join(shown)


def calls(nb, name: str) -> list:
    return [c for c in nb.cells if c.cell_type == "code" and re.match(rf"^(#.*\n)*{name}\(", c.source)]


RUNS = ("test_on_the_solutions_every_check_has_full_marks_and_every_figure_is_drawn",
        "test_on_the_stubs_no_cell_fails_checks_say_not_implemented_and_figures_give_their_note")


@pytest.fixture(scope="module")
def executed(request, tmp_path_factory):
    """The notebooks the session's tests ask for (all, or those `-k` leaves), each run top to bottom on a copy with
    the solutions and on one with the stubs, two at a time: {(kind, folder): nb}."""
    wanted = {item.callspec.params["assignment"].folder for item in request.session.items
              if item.originalname in RUNS}
    base = tmp_path_factory.mktemp("notebooks")
    copies = {"solutions": course_copy(base / "solutions", True), "stubs": course_copy(base / "stubs", False)}
    jobs = {(kind, a.folder): notebooks.notebook_path(a, root=copy) for kind, copy in copies.items()
            for a in CATALOGUE if a.folder in wanted}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(execute, path, allow_errors=True) for key, path in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


# --------------------------------------------------------------------------- generated, committed, valid


def test_notebooks_match_their_handouts():
    """`make check-notebooks`: every committed notebook is what `make notebooks` writes now."""
    proc = subprocess.run([sys.executable, "-m", "autograder", "notebooks", "--check"], cwd=ROOT, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_stale_notebook_is_reported(tmp_path, capsys):
    shutil.copytree(ROOT / "assignments", tmp_path / "assignments")
    assert notebooks.main(check=True, root=tmp_path) == 0
    handout = tmp_path / "assignments" / "a01_gradients" / "README.md"
    handout.write_text(handout.read_text() + "\nOne more sentence.\n")
    capsys.readouterr()
    assert notebooks.main(check=True, root=tmp_path) == 1
    said = capsys.readouterr().out
    assert "assignments/a01_gradients/a01_gradients.ipynb differs from what `make notebooks` writes" in said
    assert "One more sentence." in said
    assert notebooks.main(root=tmp_path) == 0 and notebooks.main(check=True, root=tmp_path) == 0  # rewritten


@pytest.mark.parametrize("lang", notebooks.LANGUAGES)
@pytest.mark.parametrize("assignment", CATALOGUE, ids=lambda a: a.folder)
def test_each_notebook_is_valid_reproducible_and_has_no_outputs(assignment, lang):
    text = notebooks.notebook_path(assignment, lang).read_text(encoding="utf-8")
    assert notebooks.generate(assignment, lang) == text, "the same commit gives other bytes"
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)  # raises on an invalid notebook
    assert (nb.nbformat, nb.nbformat_minor) == (nbformat.current_nbformat, nbformat.current_nbformat_minor)
    assert [c.id for c in nb.cells] == [f"cell-{i:02d}" for i in range(len(nb.cells))]
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    # the first code cell sets up; every figure of the assignment has its show(), and a check() grades it all
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert f"ASSIGNMENT, COURSE_URL, DRIVE_FOLDER = {assignment.folder!r}, ''" in first.source
    assert first.metadata == {"cellView": "form", "jupyter": {"source_hidden": True}}  # folded: run, not read
    assert {f'show("{spec.name}")' for spec in FIGURES if spec.folder == assignment.folder} <= {
        c.source.splitlines()[-1] for c in nb.cells if c.cell_type == "code"}
    assert [c for c in nb.cells if c.cell_type == "code" and c.source == "check()"]
    assert [c for c in nb.cells if c.cell_type == "code" and f"import {assignment.module}" in c.source]
    # the handout's figures are attachments, so that they show on Colab too
    for spec in (s for s in FIGURES if s.folder == assignment.folder):
        holder = [c for c in nb.cells if spec.filename in c.get("attachments", {})]
        assert len(holder) == 1 and f"](attachment:{spec.filename})" in holder[0].source
        png = base64.b64decode(holder[0].attachments[spec.filename]["image/png"])
        assert png == (ROOT / "assignments" / assignment.folder / "figures" / spec.filename).read_bytes()


def test_markers_place_cells_and_what_is_not_marked_is_added():
    a01 = lookup("a01_gradients")
    marked = notebooks.build(a01, "# A\n\n<!-- notebook: check fun_dz -->\n\n## B\n\n<!-- notebook: show gradient_field -->"
                                  "\n\n```python\nfun_z(1, 1)\n```\n\n<!-- notebook: explore -->\n\n<!-- notebook: check -->\n")
    sources = [(c.cell_type, c.source) for c in marked.cells]
    code = [s for kind, s in sources if kind == "code"]
    assert code[1:] == ['check("fun_dz")', 'show("gradient_field")', notebooks.TEXTS["en"]["explore"].format(
        module="gradients"), "check()"]
    assert ("markdown", "```python\nfun_z(1, 1)\n```") in sources  # the handout's own examples stay Markdown
    bare = notebooks.build(a01, "# A\n\nNo markers at all.\n")
    code = [c.source for c in bare.cells if c.cell_type == "code"]
    assert "import gradients" in code[1] and code[-2].endswith('show("gradient_field")') and code[-1] == "check()"
    for wrong, said in (("<!-- notebook: check fun_q -->", "not a function of a01_gradients"),
                        ("<!-- notebook: show xor -->", "not a figure of a01_gradients"),
                        ("<!-- notebook: run -->", "use one of")):
        with pytest.raises(ValueError, match=said):
            notebooks.build(a01, f"# A\n\n{wrong}\n")


def code_without_comments(nb) -> list[str]:
    """The notebook's code cells, comment lines left out (the first cell's #@title is a Colab form, kept)."""
    return ["\n".join(line for line in cell.source.splitlines() if not line.startswith("# "))
            for cell in nb.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("lang", notebooks.TRANSLATIONS)
@pytest.mark.parametrize("assignment", CATALOGUE, ids=lambda a: a.folder)
def test_a_translated_notebook_has_the_same_code_cells_so_the_same_checks(assignment, lang):
    """A translated notebook differs only in its words: every code cell is the English one, comments aside, and
    its own Markdown says which file to edit."""
    english = nbformat.read(notebooks.notebook_path(assignment), as_version=4)
    translated = nbformat.read(notebooks.notebook_path(assignment, lang), as_version=4)
    assert code_without_comments(translated) == code_without_comments(english)
    intro = translated.cells[0].source
    assert f"`{assignment.filename}`" in intro and "make notebook" in intro
    handout = notebooks.handout(assignment, lang).read_text(encoding="utf-8")
    assert handout.split("\n", 1)[0] in "\n".join(c.source for c in translated.cells if c.cell_type == "markdown")


def test_a_translated_notebook_runs_with_full_marks_on_the_solutions(tmp_path):
    """The Chinese a01 notebook, run top to bottom on the solutions: its check() shows full marks, its show() draws."""
    course = course_copy(tmp_path / "course", solutions=True)
    a01 = lookup("a01_gradients")
    nb = execute(notebooks.notebook_path(a01, "zh-CN", course))
    checks = calls(nb, "check")
    assert checks and all(re.search(r"^Total: ([\d.]+) / \1$", texts(c), re.M) for c in checks), texts(checks[-1])
    shows = calls(nb, "show")
    assert shows and all([o for o in outputs(c) if "image/png" in o.get("data", {})] for c in shows)


def test_a_handout_in_another_language_gives_its_own_notebook(tmp_path):
    shutil.copytree(ROOT / "assignments", tmp_path / "assignments")
    a01 = lookup("a01_gradients")
    (tmp_path / "assignments" / a01.folder / "README.xx.md").write_text("# Aufgabe 1\n\n<!-- notebook: check -->\n")
    assert notebooks.main(lang="xx", root=tmp_path) == 0
    written = notebooks.notebook_path(a01, "xx", tmp_path)
    assert written.name == "a01_gradients.xx.ipynb" and "Aufgabe 1" in written.read_text()
    assert not notebooks.notebook_path(lookup("a02_gradient_descent"), "xx", tmp_path).exists()
    assert notebooks.main(lang="yy", root=tmp_path) == 2


# --------------------------------------------------------------------------- run top to bottom in a real kernel


@pytest.mark.parametrize("assignment", CATALOGUE, ids=lambda a: a.folder)
def test_on_the_solutions_every_check_has_full_marks_and_every_figure_is_drawn(executed, assignment):
    nb = executed[("solutions", assignment.folder)]
    assert not [texts(c) for c in nb.cells if [o for o in c.get("outputs", []) if o.output_type == "error"]]
    checks = calls(nb, "check")
    assert checks
    for cell in checks:
        table = texts(cell)
        total = re.findall(r"^Total: ([\d.]+) / ([\d.]+)$", table, re.M)
        assert total and total[-1][0] == total[-1][1] != "0", table
        html = next(o["data"]["text/html"] for o in outputs(cell) if "text/html" in o.get("data", {}))
        assert "<table>" in html and "pass" in html and "FAIL" not in html
    for cell in calls(nb, "show"):
        assert [o for o in outputs(cell) if "image/png" in o.get("data", {})], texts(cell)


@pytest.mark.parametrize("assignment", CATALOGUE, ids=lambda a: a.folder)
def test_on_the_stubs_no_cell_fails_checks_say_not_implemented_and_figures_give_their_note(executed, assignment):
    nb = executed[("stubs", assignment.folder)]
    assert not [texts(c) for c in nb.cells if [o for o in c.get("outputs", []) if o.output_type == "error"]]
    for cell in calls(nb, "check"):
        assert "not implemented yet" in texts(cell) and re.search(r"^Total: 0 / [1-9]", texts(cell), re.M)
    for cell in calls(nb, "show"):
        assert re.fullmatch(r"a\d\d: .+ skipped: .+", texts(cell).strip()), texts(cell)
        assert not [o for o in outputs(cell) if "image/png" in o.get("data", {})]


def test_an_edit_is_graded_by_the_next_check_without_a_restart(tmp_path):
    course = course_copy(tmp_path / "course", solutions=False)
    a01 = lookup("a01_gradients")
    path = notebooks.notebook_path(a01, root=course)
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if c.cell_type == "code" and not c.source.startswith("show(")][:1] + [
        nbformat.v4.new_code_cell('check("fun_z")'), nbformat.v4.new_code_cell('check("fun_z")')]
    client = NotebookClient(nb, timeout=KERNEL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        client.execute_cell(nb.cells[0], 0)
        client.execute_cell(nb.cells[1], 1)
        assert "not implemented yet" in texts(nb.cells[1])
        shutil.copyfile(a01.solution(), a01.stub(course))  # the student saves their work
        client.execute_cell(nb.cells[2], 2)
    table = texts(nb.cells[2])  # a student's copy: the public tests only, as make grade there; those of fun_z only
    assert table.startswith("public tests only") and "Total: 2 / 2" in table and "fun_dz" not in table, table


# --------------------------------------------------------------------------- the first cell, on Colab


def colab_first_cell(tmp_path: Path, course_url: str) -> tuple[nbformat.NotebookNode, Path]:
    """A notebook of the first cell of a01's notebook, with `course_url`, run where `google.colab` is a stand-in
    whose drive.mount records its call, and Google Drive is a folder of `tmp_path`."""
    fake = tmp_path / "fake"
    (fake / "google" / "colab").mkdir(parents=True)
    (fake / "google" / "__init__.py").write_text("")
    (fake / "google" / "colab" / "__init__.py").write_text("")
    mounted = tmp_path / "mounted.txt"
    (fake / "google" / "colab" / "drive.py").write_text(
        f"def mount(where):\n    open({str(mounted)!r}, 'w').write(where)\n")
    drive = tmp_path / "content" / "drive"
    (drive / "MyDrive").mkdir(parents=True)
    first = notebooks.SETUP.format(folder="a01_gradients", course_url=course_url, drive=notebooks.COLAB_FOLDER)
    assert first.count('"/content/drive') == 2
    first = first.replace('"/content/drive', f'"{drive}')
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"import sys; sys.path.insert(0, {str(fake)!r})"),
                                         nbformat.v4.new_code_cell(first)])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    client = NotebookClient(nb, timeout=KERNEL_TIMEOUT, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(elsewhere)}})
    client.execute()
    assert mounted.read_text() == str(drive)
    return nb, drive / "MyDrive" / notebooks.COLAB_FOLDER


def one_sentence(cell) -> str:
    """The error a cell stopped with, which must be one line of text: no traceback."""
    errors = [o for o in cell.outputs if o.output_type == "error"]
    assert len(errors) == 1, cell.outputs
    assert len(errors[0].traceback) == 1 and "Traceback" not in errors[0].traceback[0], errors[0].traceback
    assert 'File "' not in errors[0].traceback[0] and "\x1b" not in errors[0].traceback[0]
    return errors[0].traceback[0]


def test_colab_without_a_course_url_says_what_to_do(tmp_path):
    nb, course = colab_first_cell(tmp_path, "")
    said = one_sentence(nb.cells[1])
    assert said.startswith("The course is not in your Google Drive") and f"MyDrive/{notebooks.COLAB_FOLDER}" in said
    assert not course.exists()


def test_colab_offline_says_what_to_do(tmp_path):
    nb, course = colab_first_cell(tmp_path, "http://127.0.0.1:9/student-0.0.0.zip")  # nothing listens on port 9
    said = one_sentence(nb.cells[1])
    assert said.startswith("Could not download the course from http://127.0.0.1:9/student-0.0.0.zip")
    assert "Runtime > Connect" in said and not course.exists()


def test_colab_with_an_address_that_is_no_course_zip_says_so(tmp_path):
    (tmp_path / "notes.zip").write_bytes(b"not a zip")
    nb, course = colab_first_cell(tmp_path, (tmp_path / "notes.zip").as_uri())
    said = one_sentence(nb.cells[1])
    assert said.startswith(f"What {(tmp_path / 'notes.zip').as_uri()} gave is not a zip file") and not course.exists()
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as zf:  # two top folders: not the course's zip
        zf.writestr("a/x.txt", "x")
        zf.writestr("b/y.txt", "y")
    nb, course = colab_first_cell(tmp_path / "again", (tmp_path / "two.zip").as_uri())
    assert one_sentence(nb.cells[1]).startswith("Could not put the course into your Drive") and not course.exists()


def test_colab_fetches_the_course_into_drive_once_and_grades_there(tmp_path):
    bundle = course_copy(tmp_path / "bundle", solutions=True)
    archive = tmp_path / "student-0.0.0.zip"
    student.write_zip(bundle, archive, "student-0.0.0")
    nb, course = colab_first_cell(tmp_path, archive.as_uri())
    assert not [o for o in nb.cells[1].outputs if o.output_type == "error"], nb.cells[1].outputs
    assert (course / "autograder" / "notebook.py").is_file() and "Ready: a01_gradients" in texts(nb.cells[1])
    # the student's work in Drive is never replaced: a second run finds the course and downloads nothing
    (course / "assignments" / "a01_gradients" / "gradients.py").write_text("# my work\n")
    archive.unlink()
    nb2 = nbformat.v4.new_notebook(cells=nb.cells)
    for cell in nb2.cells:
        cell.outputs = []
    nb2.cells.append(nbformat.v4.new_code_cell("import os; print(os.getcwd())"))
    NotebookClient(nb2, timeout=KERNEL_TIMEOUT, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path / "elsewhere")}}).execute()
    assert texts(nb2.cells[2]).strip() == str(course / "assignments" / "a01_gradients")
    assert (course / "assignments" / "a01_gradients" / "gradients.py").read_text() == "# my work\n"


def test_outside_the_course_folder_the_first_cell_says_where_to_open_the_notebook(tmp_path):
    a01 = lookup("a01_gradients")
    lone = tmp_path / "a01_gradients.ipynb"
    shutil.copyfile(notebooks.notebook_path(a01), lone)
    nb = execute(lone, allow_errors=True)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert one_sentence(first).startswith("This notebook is not inside the course folder")


# --------------------------------------------------------------------------- check() and show() themselves


def test_the_html_table_shows_the_submissions_text_inertly():
    report = Report(tests=[
        Result("a01_gradients", "fun_z(1, 1) = sin(2)", 1.0, False, status="passed", score=1.0, message=""),
        Result("a01_gradients", "fun_dz <b>", 2.0, False, status="failed",
                   message="expected 1.0\ngot <script>alert(1)</script>\x1b[2K"),
    ])
    table = runtime.Table(report)
    html = table._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "\x1b" not in html and "\\x1b[2K" in html
    assert "fun_dz &lt;b&gt;" in html and "1 / 3" in html and ">pass<" in html and ">FAIL<" in html
    assert repr(table).splitlines()[-1] == "Total: 1 / 3"


def test_check_of_a_name_that_is_not_a_function_says_which_are(tmp_path):
    book = runtime.Notebook("a01_gradients", ROOT)
    with pytest.raises(runtime.Stop, match=r"a01_gradients has no function fun_q; its functions are: fun_z, fun_dz"):
        book.check("fun_q")
    with pytest.raises(runtime.Stop, match=r"no such figure of a01_gradients; the figures are: gradient_field"):
        book.show("xor")
    assert runtime.Stop("one sentence")._render_traceback_() == ["one sentence"]


# --------------------------------------------------------------------------- grade --function, plots --figure


def test_grade_function_grades_only_the_tests_of_that_function(tmp_path):
    def graded(*args):
        report = tmp_path / "report.json"
        report.unlink(missing_ok=True)
        proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--submission", str(ROOT / "solutions"),
                               "--only", "a02_gradient_descent", "--report", str(report), "--quiet", *args],
                              cwd=ROOT, capture_output=True, text=True)
        return proc, json.loads(report.read_text()) if report.exists() else None

    _, whole = graded()
    _, bowl = graded("--function", "bowl")
    _, two = graded("--function", "bowl", "--function", "bowl_grad")
    names = [t["name"] for t in bowl["tests"]]
    assert names and all(name.startswith("bowl ") or name.startswith("bowl((") for name in names), names
    assert {t["name"] for t in two["tests"]} > set(names)
    assert len(whole["tests"]) > len(two["tests"]) and all(t["status"] == "passed" for t in whole["tests"])
    proc, report = graded("--function", "bowl_gradient")
    assert proc.returncode == 2 and report is None
    assert "not a function of a02_gradient_descent; the functions are: bowl, bowl_grad, gradient_descent" in proc.stderr


def test_what_a_test_is_of():
    from autograder.selection import functions_of, student_calls

    calls = student_calls("def test_a(student):\n    student.bowl_grad(1)\n\ndef test_b(student):\n    student.run(d)\n")
    assert calls == {"test_a": {"bowl_grad"}, "test_b": {"run"}}
    names = ("bowl", "bowl_grad", "gradient_descent")
    assert functions_of(names, {"bowl_grad"}, "gradient_descent on the bowl") == {"bowl_grad"}  # the calls decide
    assert functions_of(names, {"run"}, "bowl_grad((3, -4)) = (6, -8)") == {"bowl_grad"}  # else the title's words
    assert functions_of(names, set(), "every function leaves its inputs alone") == set(names)  # else every one


def test_plots_figure_draws_one_figure_and_says_what_it_did(tmp_path):
    summary = tmp_path / "summary.json"
    proc = subprocess.run([sys.executable, "-m", "autograder", "plots", "--submission", str(ROOT / "assignments"),
                           "--only", "a02_gradient_descent", "--figure", "two_minima", "--out", str(tmp_path / "f"),
                           "--summary", str(summary)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(summary.read_text()) == {
        "drawn": {}, "skipped": {"two_minima": "a02: two minima and a saddle point skipped: gradient_descent not "
                                               "implemented yet"}}
    assert "drawing 1 figures" in proc.stdout
    wrong = subprocess.run([sys.executable, "-m", "autograder", "plots", "--only", "a02_gradient_descent", "--figure",
                            "xor"], cwd=ROOT, capture_output=True, text=True)
    assert wrong.returncode == 2 and "the figures are: learning_rates, two_minima" in wrong.stderr


# --------------------------------------------------------------------------- a notebook uploaded instead of the module


def test_a_notebook_uploaded_instead_of_the_module_is_named_with_the_file_to_submit(tmp_path):
    from autograder.packaging.otter_plugin import locate

    a01 = lookup("a01_gradients")
    folder = tmp_path / "upload" / a01.folder
    folder.mkdir(parents=True)
    shutil.copyfile(notebooks.notebook_path(a01), folder / "a01_gradients.ipynb")
    for upload in (tmp_path / "upload", folder / "a01_gradients.ipynb"):
        data, note = locate(upload, a01.folder, a01.filename)
        assert data is None and "a01_gradients.ipynb, a notebook, which is not graded" in note, note
        assert "Upload gradients.py" in note
    with zipfile.ZipFile(tmp_path / "work.zip", "w") as zf:
        zf.write(folder / "a01_gradients.ipynb", "a01_gradients/a01_gradients.ipynb")
    data, note = locate(tmp_path / "work.zip", a01.folder, a01.filename)
    assert data is None and "work.zip:a01_gradients/a01_gradients.ipynb, a notebook" in note
    # with the module beside it, the module is graded and the notebook is no matter
    shutil.copyfile(a01.solution(), folder / a01.filename)
    data, note = locate(tmp_path / "upload", a01.folder, a01.filename)
    assert data == a01.solution().read_bytes() and "notebook" not in note
    # make grade SUBMISSION=: each test says which file to submit, not only "not submitted"
    (folder / a01.filename).unlink()
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--submission", str(tmp_path / "upload"),
                           "--only", a01.folder], cwd=ROOT, capture_output=True, text=True)
    assert ("not submitted: a01_gradients/gradients.py was not found; a01_gradients/a01_gradients.ipynb is there, a "
            "notebook, which is not graded: submit gradients.py") in proc.stdout, proc.stdout


def test_on_gradescope_every_row_names_a_notebook_uploaded_instead_of_the_module(tmp_path):
    from autograder.packaging.otter_plugin import grade_upload

    a01 = lookup("a01_gradients")
    (tmp_path / "upload").mkdir()
    shutil.copyfile(notebooks.notebook_path(a01), tmp_path / "upload" / "a01_gradients.ipynb")
    results = grade_upload(tmp_path / "upload", ROOT, {"assignment": a01.folder, "module": a01.module})
    assert results["score"] == 0 and results["tests"]
    for test in results["tests"]:
        assert test["output"].startswith("not submitted: gradients.py was not found in your submission. You uploaded "
                                         "a01_gradients.ipynb, a notebook, which is not graded"), test["output"]


def test_grade_all_names_a_notebook_uploaded_instead_of_the_module(tmp_path):
    a01 = lookup("a01_gradients")
    (tmp_path / "class" / "alice").mkdir(parents=True)
    shutil.copyfile(notebooks.notebook_path(a01), tmp_path / "class" / "alice" / "a01_gradients.ipynb")
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade-all", str(tmp_path / "class"),
                           str(tmp_path / "out"), "--only", a01.folder], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    output = json.loads((tmp_path / "out" / "alice" / "results.json").read_text())["output"]
    assert "a01_gradients.ipynb, a notebook, which is not graded" in output and "Upload gradients.py" in output


# --------------------------------------------------------------------------- the leak audit reads notebooks


def test_the_leak_audit_reads_a_notebooks_cells_metadata_outputs_and_attachments():
    from autograder.packaging import audit

    found = audit.secrets(ROOT, student.bundle_files(ROOT))
    a01 = lookup("a01_gradients")
    clean = notebooks.notebook_path(a01).read_bytes()
    assert audit.check_file("a01_gradients.ipynb", clean, found) == []
    line = "return np.sin(x**2 + y**2)"  # a line of a01's solution block
    solution = a01.solution().read_bytes()
    for where, put in (
        ("cell 7", lambda nb: nb["cells"][7].__setitem__("source", ["def fun_z(x, y):\n", f"    {line}\n"])),
        ("metadata", lambda nb: nb["metadata"].__setitem__("notes", {"answer": f"  {line}"})),
        ("cell 7 metadata", lambda nb: nb["cells"][7]["metadata"].__setitem__("tags", [line])),
        ("cell 9 output text/plain", lambda nb: nb["cells"][9].__setitem__("outputs", [
            {"output_type": "display_data", "metadata": {}, "data": {"text/plain": [f"{line}\n"]}}])),
        ("cell 8 attachment answer.png image/png", lambda nb: nb["cells"][8]["attachments"].__setitem__(
            "answer.png", {"image/png": base64.b64encode(solution).decode()})),
    ):
        nb = json.loads(clean)
        put(nb)
        leaks = audit.check_file("a01_gradients.ipynb", json.dumps(nb, indent=1).encode(), found)
        assert leaks and all(leak.startswith(f"a01_gradients.ipynb {where}") for leak in leaks), (where, leaks)
        assert any(line in leak or "byte-for-byte copy of solutions/a01_gradients/gradients.py" in leak for leak in leaks)


# --------------------------------------------------------------------------- the bundle: notebooks, a course URL


def test_a_course_url_goes_into_the_bundles_notebooks_and_readme(tmp_path):
    url = "https://example.org/course/student-1.0.0.zip"
    files = student.build(ROOT, tmp_path / "with", course_url=url)
    pairs = [(a, lang) for a in CATALOGUE for lang in notebooks.LANGUAGES]
    assert all(notebooks.notebook_path(a, lang).relative_to(ROOT).as_posix() in files for a, lang in pairs)
    assert "requirements-notebook.txt" in files
    for a, lang in pairs:
        shipped = notebooks.notebook_path(a, lang, root=tmp_path / "with").read_text()
        assert shipped == notebooks.generate(a, lang, course_url=url) and f"{url!r}" in shipped.replace('\\"', "'")
        nbformat.validate(nbformat.reads(shipped, as_version=4))
    for a, lang in pairs:  # each handout: an "Open in Colab" line under the title, the rest as committed
        committed = notebooks.handout(a, lang).read_text(encoding="utf-8").split("\n\n")
        shipped = notebooks.handout(a, lang, root=tmp_path / "with").read_text(encoding="utf-8").split("\n\n")
        assert shipped[:2] + shipped[3:] == committed
        assert "(https://colab.research.google.com/)" in shipped[2] and url in shipped[2]
        assert f"`{notebooks.notebook_path(a, lang).name}`" in shipped[2]
    readme = (tmp_path / "with" / "README.md").read_text()
    assert f"(from {url})" in readme and "https://colab.research.google.com/" in readme and "@COLAB@" not in readme
    student.build(ROOT, tmp_path / "without")
    for a, lang in pairs:  # no URL: the notebooks and handouts ship as committed
        for path in (notebooks.notebook_path, notebooks.handout):
            assert path(a, lang, root=tmp_path / "without").read_bytes() == path(a, lang).read_bytes()
    assert f"MyDrive/{notebooks.COLAB_FOLDER}" in (tmp_path / "without" / "README.md").read_text()


def running_in(folder: Path) -> list[int]:
    """The processes whose working folder is `folder` or below it."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and Path(os.readlink(proc / "cwd")).is_relative_to(folder.resolve()):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_the_tryout_starts_make_notebook_and_stops_it(tmp_path):
    from autograder.packaging import tryout

    bundle = course_copy(tmp_path / "bundle", solutions=False)
    tryout.seed_venv(bundle)
    began = time.monotonic()
    proc = tryout.run(bundle, tryout.Command("assignments/a01_gradients", "make notebook"))
    assert proc.returncode == 0 and tryout.SERVING.search(proc.stdout), proc.stdout[-2000:]
    assert "a01_gradients.ipynb" in proc.stdout and time.monotonic() - began < 120
    assert not running_in(bundle), "make notebook left a server running"
    (bundle / ".venv" / ".notebook").unlink()  # JupyterLab "missing" and pip unusable: it fails, and says so
    failed = tryout.serve(["bash", "-c", "echo no server here; exit 3"], bundle, tryout.environment(), timeout=30)
    assert failed.returncode == 3 and "no server here" in failed.stdout
