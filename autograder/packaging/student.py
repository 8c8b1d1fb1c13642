"""The student bundle: what a student downloads, built from the catalogue's audiences.

The bundle is every git-tracked file whose `catalogue.audience()` is STUDENT or ENGINE (stubs, handouts, figures,
notebooks, public tests, the grading engine, conftest.py, requirements.txt and requirements-notebook.txt), plus
files written from the templates in
`student/` beside this module: at the bundle's root a Makefile, pytest.ini, README.md and its translations
(README.zh-CN.md), each with the course's submission details from `course.toml` filled in, and in every
assignment's folder a Makefile that runs the root's commands for that assignment alone. The handouts ship in every
language of `catalogue.TRANSLATIONS`, as the tracked files they are. Nothing INSTRUCTOR ever goes in: no solutions,
hidden suites, banks, tooling
(autograder/packaging, stubs, bench, batch), docs, course.toml or the grader's tests.
With a course URL (course.toml's `course_url`, or `make release COURSE_URL=...`), the notebooks are written anew
with it in their first cell, so that on Colab they fetch the course from there; the README says how to use them
on Colab, and each handout gets an "Open in Colab" line under its title. The zip is reproducible: sorted members, fixed timestamps and modes, so the same commit gives the same
bytes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path

from autograder.catalogue import CATALOGUE, ENGINE, STUDENT, TRANSLATIONS, audience

TEMPLATES = Path(__file__).resolve().parent / "student"  # in this checkout; a bundle takes them from its root's
READMES = {"README.md": None, **{f"README.{lang}.md": lang for lang in TRANSLATIONS}}  # bundle README -> its language
ROOT_FILES = ("Makefile", *READMES, "pytest.ini")  # written from TEMPLATES, never taken from the instructor's checkout
ASSIGNMENT_MAKEFILE = "assignment.mk"  # the template of assignments/<folder>/Makefile
COURSE = "course.toml"  # the course's details, at the checkout's root: {"submit_to": "..."}
DEFAULT_SUBMIT_TO = ("Upload them where your course's instructions say: on Gradescope, for example, to the "
                     "assignment named like the folder (`a01_gradients`, ...). If the instructions do not say, ask "
                     "your instructor.")
# The words readme() writes into each README: the table's header, the lead-in of where to submit, and
# the default for where, when course.toml says nothing (in that language, or in the course's own submit_to).
# How to use the notebooks on Colab: with the course's download address (colab_url), or without one (colab).
ENGLISH = {"assignment": "assignment", "file": "the file to submit", "where": "Where:", "default": DEFAULT_SUBMIT_TO,
           "colab_url": ("[Open Colab](https://colab.research.google.com/), choose *File > Upload notebook* and pick an "
                         "assignment's notebook from this folder (`assignments/a01_gradients/a01_gradients.ipynb`, "
                         "...). Its first cell mounts your Google Drive and, the first time, downloads the course into "
                         "it as `MyDrive/{drive}` (from {url}); later runs find it there and download nothing, so your "
                         "work is kept. Edit your module in that folder of your Drive (Colab's file browser opens it)."),
           "colab": ("Upload this whole folder to your Google Drive as `MyDrive/{drive}`, open an assignment's "
                     "notebook from there in Colab (*File > Open notebook > Google Drive*), and run its first cell: "
                     "it mounts your Drive and finds the course there. Edit your module in that folder of your "
                     "Drive.")}
TRANSLATED = {
    "zh-CN": {"assignment": "作业", "file": "要提交的文件", "where": "提交到：",
              "default": "按课程说明上传：例如在 Gradescope 上，上传到与文件夹同名的作业（`a01_gradients`，……）。"
                         "如果课程说明里没有写，请询问老师。",
              "colab_url": ("[打开 Colab](https://colab.research.google.com/)，选择 *File > Upload notebook*，从本文件夹中选一个"
                            "作业的笔记本（`assignments/a01_gradients/a01_gradients.ipynb`，……）。它的第一个单元格会挂载你的 "
                            "Google Drive，并在第一次运行时把课程下载到 `MyDrive/{drive}`（来自 {url}）；以后再运行时会直接在那里"
                            "找到课程，不再下载，所以你的作业不会丢失。请在 Drive 中的那个文件夹里编辑你的模块（Colab 的文件浏览器"
                            "可以打开它）。"),
              "colab": ("把整个文件夹上传到你的 Google Drive，命名为 `MyDrive/{drive}`；在 Colab 中从那里打开一个作业的笔记本"
                        "（*File > Open notebook > Google Drive*），并运行它的第一个单元格：它会挂载你的 Drive 并在那里找到"
                        "课程。请在 Drive 中的那个文件夹里编辑你的模块。")},
}
# With a course URL, each shipped handout gets this line under its language links: how to open its notebook on Colab.
COLAB_IN_HANDOUT = {
    "en": ("[Open in Colab](https://colab.research.google.com/): choose *File > Upload notebook*, pick `{notebook}` "
           "from this folder and run its first cell; it puts the course into your Google Drive (from {url}) and "
           "works there, so your work is kept."),
    "zh-CN": ("[在 Colab 中打开](https://colab.research.google.com/)：选择 *File > Upload notebook*，从本文件夹中选中 "
              "`{notebook}`，然后运行它的第一个单元格；它会把课程放进你的 Google Drive（来自 {url}）并在那里运行，"
              "所以你的作业不会丢失。"),
}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def tracked_files(root: Path) -> list[str]:
    """Every file git tracks in `root`, as sorted relative posix paths. Raises RuntimeError outside a git checkout."""
    proc = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(f"git ls-files failed in {root}: {proc.stderr.decode(errors='replace').strip()} "
                           "(a release is built from a git checkout)")
    return sorted(p for p in proc.stdout.decode("utf-8").split("\0") if p)


def bundle_files(root: Path) -> list[str]:
    """The tracked files of `root` that ship to students: audience STUDENT or ENGINE."""
    return [p for p in tracked_files(root) if audience(p) in (STUDENT, ENGINE)]


def written_files() -> dict[str, str]:
    """Bundle path -> template name, for the files the bundle gets from the templates, not from the tracked files."""
    written = {name: name for name in ROOT_FILES}
    written.update({f"assignments/{a.folder}/Makefile": ASSIGNMENT_MAKEFILE for a in CATALOGUE})
    return written


def course_details(root: Path, course_url: str | None = None) -> dict[str, str]:
    """The course's details from `root`/course.toml: {"submit_to": text, "submit_to_zh-CN": text, ...}, one text per
    README language, and "course_url" (`course_url`, if given, replaces the file's). submit_to falls back to
    DEFAULT_SUBMIT_TO when the file is missing or the text is empty; each translation's submit_to_<lang> to the
    course's submit_to, then to that language's default. Raises RuntimeError, saying what to fix, for a file that is
    not valid TOML, another key, a value that is not a string, or a course URL that is not http(s)."""
    path = Path(root, COURSE)
    details = {"submit_to": "", **{f"submit_to_{lang}": "" for lang in TRANSLATIONS}, "course_url": ""}
    if path.is_file():
        try:
            found = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuntimeError(f"{COURSE} is not valid TOML ({exc}); write `submit_to = \"...\"`, "
                               "as docs/releasing.md shows") from None
        unknown = sorted(set(found) - set(details))
        if unknown:
            raise RuntimeError(f"{COURSE} has unknown key(s) {', '.join(unknown)}; the keys are {', '.join(details)}")
        for key, value in found.items():
            if not isinstance(value, str):
                raise RuntimeError(f"{COURSE}: {key} must be a string in quotes, not {value!r}")
        details.update(found)
    own = " ".join(details["submit_to"].split())
    details["submit_to"] = own or DEFAULT_SUBMIT_TO
    for lang in TRANSLATIONS:
        key = f"submit_to_{lang}"
        details[key] = " ".join(details[key].split()) or own or TRANSLATED[lang]["default"]
    if course_url is not None:
        details["course_url"] = course_url
    details["course_url"] = details["course_url"].strip()
    if details["course_url"] and not re.fullmatch(r"https?://\S+", details["course_url"]):
        raise RuntimeError(f"course URL {details['course_url']!r} is not an http(s) address: give the address of the "
                           "student zip, as students' browsers would download it (https://...)")
    return details


def templates(root: Path) -> Path:
    """The folder of the bundle's templates in the checkout `root` (TEMPLATES for this one)."""
    return Path(root, TEMPLATES.relative_to(TEMPLATES.parents[2]))


def readme(root: Path, lang: str | None = None, course_url: str | None = None) -> str:
    """The bundle's README.md, or with `lang` its README.<lang>.md: the template, with the file to submit for each
    assignment, where to submit, and how to use the notebooks on Colab, in that language."""
    from autograder.packaging.notebooks import COLAB_FOLDER

    name = "README.md" if lang is None else f"README.{lang}.md"
    template = (templates(root) / name).read_text(encoding="utf-8")
    words = ENGLISH if lang is None else TRANSLATED[lang]
    rows = "\n".join(f"| `{a.folder}` | `assignments/{a.folder}/{a.filename}` |" for a in CATALOGUE)
    details = course_details(root, course_url)
    where = details["submit_to" if lang is None else f"submit_to_{lang}"]
    colab = words["colab_url" if details["course_url"] else "colab"].format(drive=COLAB_FOLDER, url=details["course_url"])
    filled = {"@SUBMIT_FILES@": f"| {words['assignment']} | {words['file']} |\n|---|---|\n{rows}",
              "@SUBMIT_TO@": f"**{words['where']}** {where}",
              "@COLAB@": colab}
    for placeholder, text in filled.items():
        if template.count(placeholder) != 1:
            raise RuntimeError(f"{templates(root) / name} must hold {placeholder} exactly once")
        template = template.replace(placeholder, text)
    return template


def build(root: Path, target: Path, course_url: str | None = None) -> list[str]:
    """Write the student bundle of `root` into the empty or missing folder `target`; return its files, sorted.

    Files keep their executable bit; the templates become the files of `written_files()`. With a course URL (here,
    or course.toml's), the notebooks are written anew with it (`notebooks.generate`).
    Raises RuntimeError if a tracked file is missing from the work tree, if a shipped path collides with a
    written file's name, or if course.toml cannot be read.
    """
    root, target = Path(root), Path(target)
    files = bundle_files(root)
    clash = sorted(set(files) & set(written_files()))
    if clash:
        raise RuntimeError(f"{', '.join(clash)} would ship from the checkout and from the templates in "
                           f"{templates(root)}; make catalogue.LAYOUT mark them INSTRUCTOR")
    texts = {name: readme(root, lang, course_url) for name, lang in READMES.items()}
    url = course_details(root, course_url)["course_url"]
    target.mkdir(parents=True, exist_ok=True)
    for rel in files:
        source = root / rel
        if not source.is_file():
            raise RuntimeError(f"{rel} is tracked by git but missing from {root}; restore it (git checkout -- {rel})")
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        dest.chmod(0o755 if source.stat().st_mode & 0o111 else 0o644)
    for rel, template in written_files().items():
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if rel in texts:
            dest.write_text(texts[rel], encoding="utf-8")
        else:
            shutil.copyfile(templates(root) / template, dest)
        dest.chmod(0o644)
    if url:
        from autograder.packaging import notebooks

        for assignment, lang in ((a, lang) for a in CATALOGUE for lang in notebooks.LANGUAGES):
            shipped = notebooks.notebook_path(assignment, lang, root=target)
            if shipped.relative_to(target).as_posix() in files:
                try:
                    shipped.write_text(notebooks.generate(assignment, lang, root=root, course_url=url),
                                       encoding="utf-8")
                except ValueError as exc:
                    raise RuntimeError(f"{exc}; fix the handout and run make notebooks") from None
            handout = notebooks.handout(assignment, lang, root=target)
            if handout.relative_to(target).as_posix() in files:
                handout.write_text(with_colab_link(handout.read_text(encoding="utf-8"), lang,
                                                   shipped.name, url), encoding="utf-8")
    return sorted([*files, *written_files()])


def with_colab_link(text: str, lang: str, notebook: str, url: str) -> str:
    """The handout `text` with its "Open in Colab" line after the title's paragraph and the language links."""
    line = COLAB_IN_HANDOUT.get(lang, COLAB_IN_HANDOUT["en"]).format(notebook=notebook, url=url)
    title, links, rest = (text.split("\n\n", 2) + ["", ""])[:3]
    return f"{title}\n\n{links}\n\n{line}\n\n{rest}".rstrip("\n") + "\n"


def write_zip(folder: Path, zip_path: Path, prefix: str) -> list[str]:
    """Zip every file below `folder` into `zip_path`, each under `prefix/`; return the member names.

    Members are sorted, dated 1980-01-01 and keep only the executable bit, so equal folders give equal zips.
    """
    folder = Path(folder)
    names = []
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"{prefix}/{path.relative_to(folder).as_posix()}"
            info = zipfile.ZipInfo(name, ZIP_TIME)
            mode = 0o755 if path.stat().st_mode & 0o111 else 0o644
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
            names.append(name)
    return names


def folder_contents(folder: Path) -> dict[str, bytes]:
    """Relative posix path -> bytes, for every file below `folder`."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in Path(folder).rglob("*") if p.is_file()}


def zip_contents(zip_path: Path) -> dict[str, bytes]:
    """Member path below the zip's top folder -> bytes, for every file member of a bundle zip."""
    with zipfile.ZipFile(zip_path) as zf:
        return {info.filename.split("/", 1)[1]: zf.read(info) for info in zf.infolist() if not info.is_dir()}


def unpack(zip_path: Path, target: Path) -> Path:
    """Extract a bundle zip into `target`, restoring executable bits; return the bundle's top folder."""
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(target)
        for info in zf.infolist():
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                (Path(target) / info.filename).chmod(mode)
        top = {name.split("/", 1)[0] for name in zf.namelist()}
    if len(top) != 1:
        raise RuntimeError(f"{zip_path} should hold one top folder, not {sorted(top)}")
    return Path(target) / top.pop()
