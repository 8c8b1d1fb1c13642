"""`make notebooks`: one Jupyter notebook per assignment, generated from its handout and the catalogue.

`assignments/<folder>/<folder>.ipynb` is written from `assignments/<folder>/README.md`, and for each language of
`catalogue.TRANSLATIONS`, `<folder>.<lang>.ipynb` from `README.<lang>.md` (its own words from TEXTS; the same code
cells, so the same checks). The notebook is, in order:

1. a short note on what the notebook is and how to open it (Jupyter, VS Code, JupyterHub; Colab, with a link when
   the release sets a course URL), and the first code cell (`SETUP`): it finds the course folder and the grader,
   locally or, on Colab, in Google Drive (fetching the course there from the course URL the first time), and gets
   `check` and `show` from `autograder.notebook.start`;
2. the handout itself, read by jupytext: its Markdown becomes Markdown cells (every fenced block stays Markdown:
   the handout's examples call functions the stubs do not have yet), its figures become cell attachments (so they
   show on Colab too), and each marker line becomes a code cell there:

       <!-- notebook: explore -->          import the module with autoreload, to call its functions
       <!-- notebook: check -->            check(): grade the assignment as make grade does
       <!-- notebook: check fun_dz -->     check("fun_dz"): only the tests of fun_dz
       <!-- notebook: show gradient_field -->   show("gradient_field"): the figure, drawn from the student's code

   The markers are HTML comments: the handout shows nothing of them. What a handout does not mark is still there:
   an explore cell after the first cell, a show cell after the paragraph that holds each figure of
   `plots.figures.FIGURES` for the assignment (or at the end), and a check() cell at the end.

Notebooks are written without outputs or execution counts, with fixed cell ids and sorted keys (nbformat's own
writer), so the same commit always gives the same bytes, and they pass `nbformat.validate` at the current minor
version. No solution code ever goes in: a notebook holds the handout's text and the calls above, nothing of
solutions/ (the leak audit reads notebooks' cells, metadata and attachments too).
"""

from __future__ import annotations

import base64
import difflib
import re
import sys
from pathlib import Path

from autograder.catalogue import CATALOGUE, ROOT, TRANSLATIONS, Assignment, lookup

NBFORMAT_MINOR = 5
COLAB_FOLDER = "gradient-descent-course"  # the course folder's name in a student's Google Drive (MyDrive/...)
COLAB = "https://colab.research.google.com/"
MARKER = re.compile(r"^<!--\s*notebook:\s*(?P<kind>[a-z]+)(?P<args>[^>]*?)\s*-->[ \t]*$", re.M)
FENCE = re.compile(r"^(?P<fence>```+|~~~+)[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S)
IMAGE = re.compile(r"!\[(?P<alt>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(figures/(?P<file>[\w.-]+\.png)\)")  # alt may hold [-6, 6]
KINDS = ("explore", "check", "show")

# The words a notebook adds to its handout, by language; a language missing here gets the English ones.
TEXTS = {
    "en": {
        "intro": ("**{folder} as a notebook.** You write your code in `{module}`, beside this notebook, and submit that "
                  "file: this notebook only reads it. Run the first code cell below first, then read on; `check()` "
                  "grades your module as `make grade` does, and `show(\"figure\")` draws a figure from your code.\n\n"
                  "**On your computer:** run `make notebook` in the course folder to open the notebooks in JupyterLab; "
                  "VS Code and JupyterHub open this file as it is.\n\n{colab}"),
        "colab": ("**On Google Colab:** [open Colab]({colab_url}), choose *File > Upload notebook* and pick this "
                  "notebook; its first cell mounts your Google Drive and puts the course there "
                  "(`MyDrive/{drive}`), so your work survives a restart. Edit `{module}` there."),
        "no_colab": ("**On Google Colab:** upload the course folder to your Google Drive as `MyDrive/{drive}`, then "
                     "open this notebook from it (*File > Open notebook > Google Drive*) and run its first cell."),
        "explore": ("# Your own module, reloaded each time you save it: call your functions and print what they "
                    "return.\n%load_ext autoreload\n%autoreload 2\nimport {module}"),
        "check_heading": "## Check everything\n\nGrade the whole assignment, as `make grade` does:",
        "show": "# the figure above, drawn from your own code (run in the grader's sandbox)\nshow(\"{name}\")",
    },
    "zh-CN": {
        "intro": ("**{folder} 的笔记本（notebook）。** 你的代码写在这个笔记本旁边的 `{module}` 里，提交的也是这个文件："
                  "笔记本只读取它。请先运行下面第一个代码单元格，再往下读；`check()` 像 `make grade` 一样为你的模块评分，"
                  "`show(\"figure\")` 用你的代码画出一幅图。评分反馈是英文的：讲义末尾的“附：反馈用语对照”给出了它们的中文意思。\n\n"
                  "**在你的电脑上：** 在课程文件夹中运行 `make notebook`，用 JupyterLab 打开这些笔记本；"
                  "VS Code 和 JupyterHub 可以直接打开这个文件。\n\n{colab}"),
        "colab": ("**在 Google Colab 上：** [打开 Colab]({colab_url})，选择 *File > Upload notebook*，选中这个笔记本；"
                  "它的第一个单元格会挂载你的 Google Drive 并把课程放在那里（`MyDrive/{drive}`），"
                  "所以运行时重启后你的作业也不会丢失。请在那里编辑 `{module}`。"),
        "no_colab": ("**在 Google Colab 上：** 把课程文件夹上传到你的 Google Drive，命名为 `MyDrive/{drive}`，"
                     "然后从那里打开这个笔记本（*File > Open notebook > Google Drive*），并运行它的第一个单元格。"),
        "explore": ("# 你自己的模块，每次保存后都会重新载入：调用你的函数，打印它们的返回值。\n"
                    "%load_ext autoreload\n%autoreload 2\nimport {module}"),
        "check_heading": "## 检查全部\n\n像 `make grade` 一样为整个作业评分：",
        "show": "# 上面那幅图，用你自己的代码画出（在评分程序的沙箱中运行）\nshow(\"{name}\")",
    },
}
LANGUAGES = ("en", *TRANSLATIONS)  # the notebooks make notebooks writes: one per handout, in each of these

# The first code cell. It must run before the course is on this machine (on Colab), so it uses the standard library
# only; what it cannot do, it says in one sentence (Stop's _render_traceback_: IPython shows no traceback).
SETUP = '''\
#@title Run this cell first: it finds the course and the grader {{display-mode: "form"}}
# Run this cell first. It finds the course folder and its grader: on your computer, or on Google Colab, where it keeps
# the course in your Google Drive (downloading it the first time) so that your work survives a restart.
ASSIGNMENT, COURSE_URL, DRIVE_FOLDER = {folder!r}, {course_url!r}, {drive!r}
import os, sys


class Stop(Exception):
    def _render_traceback_(self):  # IPython shows this one sentence, not a traceback
        return [str(self)]


def find_course():
    try:
        from google.colab import drive
    except ImportError:  # Jupyter, VS Code, JupyterHub: this notebook lies inside the course folder
        here = os.path.abspath(os.getcwd())
        while not os.path.isfile(os.path.join(here, "autograder", "notebook.py")):
            if os.path.dirname(here) == here:
                raise Stop(f"This notebook is not inside the course folder: open it from assignments/{{ASSIGNMENT}} "
                           "in the course folder (make notebook there does), then run this cell again.") from None
            here = os.path.dirname(here)
        return here
    try:
        drive.mount("/content/drive")
    except Exception as exc:
        raise Stop(f"Google Drive was not mounted ({{exc}}): allow Colab to use your Drive when it asks, so that your "
                   "work is kept, then run this cell again.") from None
    course = os.path.join("/content/drive/MyDrive", DRIVE_FOLDER)
    if os.path.isfile(os.path.join(course, "autograder", "notebook.py")):
        return course  # already there: never downloaded again, so your work is never overwritten
    if not COURSE_URL:
        raise Stop(f"The course is not in your Google Drive, and this notebook has no address to download it from: "
                   f"upload the course folder to your Drive as MyDrive/{{DRIVE_FOLDER}}, then run this cell again.")
    import io, shutil, tempfile, urllib.request, zipfile
    try:
        with urllib.request.urlopen(COURSE_URL, timeout=60) as response:
            data = response.read()
    except Exception as exc:
        raise Stop(f"Could not download the course from {{COURSE_URL}} ({{exc}}): check that this runtime is online "
                   "(Runtime > Connect) and the address works in your browser, then run this cell again.") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Stop(f"What {{COURSE_URL}} gave is not a zip file: ask your instructor for the address of the course's "
                   "zip, or upload the course folder to your Drive yourself, then run this cell again.") from None
    try:
        with tempfile.TemporaryDirectory() as unpacked:
            archive.extractall(unpacked)
            [top] = os.listdir(unpacked)
            shutil.copytree(os.path.join(unpacked, top), course + ".partial", dirs_exist_ok=True)
        os.rename(course + ".partial", course)
    except Exception as exc:
        raise Stop(f"Could not put the course into your Drive as MyDrive/{{DRIVE_FOLDER}} ({{exc}}): check that your "
                   "Drive has room and that the address is the course's zip, then run this cell again.") from None
    return course


COURSE = find_course()
if COURSE not in sys.path:
    sys.path.insert(0, COURSE)
from autograder.notebook import start

check, show = start(ASSIGNMENT, COURSE)'''


# The first cell's code is folded away where the notebook is opened (JupyterLab, VS Code: source_hidden; Colab: a
# form that shows its #@title): a student runs it, and opens it only to read it.
SETUP_METADATA = {"cellView": "form", "jupyter": {"source_hidden": True}}


def handout(assignment: Assignment, lang: str = "en", root: Path = ROOT) -> Path:
    """The handout a notebook is made from: README.md, or README.<lang>.md for another language."""
    name = "README.md" if lang == "en" else f"README.{lang}.md"
    return Path(root, "assignments", assignment.folder, name)


def notebook_path(assignment: Assignment, lang: str = "en", root: Path = ROOT) -> Path:
    """Where the notebook of `assignment` goes: beside its handout and its module."""
    name = f"{assignment.folder}.ipynb" if lang == "en" else f"{assignment.folder}.{lang}.ipynb"
    return Path(root, "assignments", assignment.folder, name)


def figures_of(folder: str) -> list[str]:
    from autograder.plots.figures import FIGURES

    return [spec.name for spec in FIGURES if spec.folder == folder]


def code(kind: str, args: list[str], assignment: Assignment, texts: dict) -> str:
    """The source of the code cell a marker stands for; ValueError, saying what is allowed, for a bad marker."""
    if kind == "explore" and not args:
        return texts["explore"].format(module=assignment.module)
    if kind == "check":
        wrong = [name for name in args if name not in assignment.names]
        if wrong:
            raise ValueError(f"check {' '.join(wrong)}: not a function of {assignment.folder} "
                             f"({', '.join(assignment.names)})")
        return f"check({', '.join(repr(name) for name in args)})".replace("'", '"')
    if kind == "show" and len(args) == 1:
        if args[0] not in figures_of(assignment.folder):
            raise ValueError(f"show {args[0]}: not a figure of {assignment.folder} "
                             f"({', '.join(figures_of(assignment.folder)) or 'it has none'})")
        return f'show("{args[0]}")'
    raise ValueError(f"<!-- notebook: {kind} {' '.join(args)} -->: use one of <!-- notebook: explore -->, "
                     "<!-- notebook: check [function ...] -->, <!-- notebook: show figure -->")


def build(assignment: Assignment, text: str, course_url: str = "", lang: str = "en", images: Path | None = None):
    """The notebook (an nbformat NotebookNode) of `assignment` from its handout's `text`; `images` is the folder
    whose figures/ the handout's images are read from (its own folder). Raises ValueError for a bad marker."""
    import jupytext
    import nbformat.v4 as v4

    texts = {**TEXTS["en"], **TEXTS.get(lang, {})}
    markers = [(m["kind"], m["args"].split()) for m in MARKER.finditer(text)]
    cells = {"explore": any(kind == "explore" for kind, _ in markers),
             "check": any(kind == "check" and not args for kind, args in markers),
             "show": {args[0] for kind, args in markers if kind == "show" and args}}

    def as_code(match: re.Match) -> str:
        return f"```python\n{code(match['kind'], match['args'].split(), assignment, texts)}\n```"

    def as_markdown(match: re.Match) -> str:  # a fenced block stays Markdown, whatever its language
        return f"<!-- #region -->\n{match.group(0)}\n<!-- #endregion -->"

    source = MARKER.sub(as_code, FENCE.sub(as_markdown, text))
    read, merged = jupytext.reads(source, fmt="md"), []
    for cell in read.cells:  # jupytext ends a Markdown cell at every region: one text until the next code cell
        if cell.cell_type == "markdown" and merged and merged[-1][0] == "markdown":
            merged[-1] = ("markdown", merged[-1][1] + "\n\n" + cell.source)
        else:
            merged.append((cell.cell_type, cell.source))
    out = []
    for kind, text_of_cell in merged:
        if kind == "code":
            out.append(v4.new_code_cell(text_of_cell))
            continue
        for part in _sections(text_of_cell):
            markdown = v4.new_markdown_cell(part)
            shown = [m["file"] for m in IMAGE.finditer(part)]
            if shown and images is not None:
                markdown.attachments = {name: {"image/png": base64.b64encode(Path(images, "figures", name).read_bytes())
                                               .decode("ascii")} for name in shown}
                markdown.source = IMAGE.sub(lambda m: f"![{m['alt']}](attachment:{m['file']})", part)
            out.append(markdown)
            for name in (Path(f).stem for f in shown):
                if name in figures_of(assignment.folder) and name not in cells["show"]:
                    cells["show"].add(name)
                    out.append(v4.new_code_cell(texts["show"].format(name=name)))
    for name in figures_of(assignment.folder):
        if name not in cells["show"]:
            out.append(v4.new_code_cell(texts["show"].format(name=name)))
    if not cells["check"]:
        out += [v4.new_markdown_cell(texts["check_heading"]), v4.new_code_cell("check()")]
    colab = (texts["colab"] if course_url else texts["no_colab"]).format(colab_url=COLAB, drive=COLAB_FOLDER,
                                                                        module=assignment.filename)
    head = [v4.new_markdown_cell(texts["intro"].format(folder=assignment.folder, module=assignment.filename,
                                                       colab=colab)),
            v4.new_code_cell(SETUP.format(folder=assignment.folder, course_url=course_url, drive=COLAB_FOLDER),
                             metadata=SETUP_METADATA)]
    if not cells["explore"]:
        head.append(v4.new_code_cell(texts["explore"].format(module=assignment.module)))
    notebook = v4.new_notebook(cells=head + out, metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}})
    notebook.nbformat_minor = NBFORMAT_MINOR
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number:02d}"
    return notebook


def _sections(text: str) -> list[str]:
    """Markdown split into cells: one per `## ` section, and a new one at each figure after a section's first, so
    that each figure's show() cell can follow its own text. Fenced blocks are never split."""
    parts, current, fenced, images = [], [], False, 0
    for paragraph in re.split(r"\n\s*\n", text):
        starts = paragraph.lstrip().startswith("## ") or (IMAGE.search(paragraph) and images)
        if current and not fenced and starts:
            parts.append("\n\n".join(current))
            current, images = [], 0
        current.append(paragraph)
        images += bool(IMAGE.search(paragraph))
        fenced ^= paragraph.count("```") % 2 == 1
    if current:
        parts.append("\n\n".join(current))
    return [part.strip("\n") for part in parts if part.strip()]


def render(notebook) -> str:
    """The notebook's file text: validated, nbformat's own layout (sorted keys, one-space indent), one final newline."""
    import nbformat

    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def generate(assignment: Assignment, lang: str = "en", root: Path = ROOT, course_url: str = "") -> str:
    """The text of `assignment`'s notebook made from its handout in `root` (ValueError for a handout it cannot use)."""
    path = handout(assignment, lang, root)
    try:
        return render(build(assignment, path.read_text(encoding="utf-8"), course_url, lang, path.parent))
    except ValueError as exc:
        raise ValueError(f"{path.relative_to(root).as_posix()}: {exc}") from None


def write_all(root: Path, lang: str = "en", course_url: str = "", folders=None) -> list[Path]:
    """Write the notebook of every assignment (of `folders`) that has a handout in `lang`, below `root`."""
    written = []
    for assignment in (map(lookup, folders) if folders else CATALOGUE):
        if handout(assignment, lang, root).is_file():
            path = notebook_path(assignment, lang, root)
            path.write_text(generate(assignment, lang, root, course_url), encoding="utf-8")
            written.append(path)
    return written


def main(check: bool = False, lang: str | None = None, root: Path = ROOT) -> int:
    """Write (or with `check`, compare) every notebook, of every language in LANGUAGES or only of `lang`; 0 when all
    are up to date or written, 1 when one is stale, 2 when a handout cannot be used."""
    stale = 0
    for language in ([lang] if lang else LANGUAGES):
        found = [a for a in CATALOGUE if handout(a, language, root).is_file()]
        if not found:
            print(f"error: no handout in {language!r} (assignments/*/{handout(CATALOGUE[0], language, root).name})",
                  file=sys.stderr)
            return 2
        for assignment in found:
            path = notebook_path(assignment, language, root)
            rel = path.relative_to(root).as_posix()
            try:
                want = generate(assignment, language, root)
            except (ValueError, OSError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            have = path.read_text(encoding="utf-8") if path.is_file() else ""
            if have == want:
                continue
            if check:
                stale += 1
                diff = difflib.unified_diff(have.splitlines(True), want.splitlines(True), f"{rel} (committed)",
                                            f"{rel} (from {handout(assignment, language, root).name})")
                sys.stdout.writelines(list(diff)[:30])
                print(f"\n{rel} differs from what `make notebooks` writes; run `make notebooks` and commit the result.")
            else:
                path.write_text(want, encoding="utf-8")
                print(f"wrote {rel}")
    return 1 if stale else 0
