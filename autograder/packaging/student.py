"""The student bundle: what a student downloads, built from the catalogue's audiences.

The bundle is every git-tracked file whose `catalogue.audience()` is STUDENT or ENGINE (stubs, handouts, figures,
public tests, the grading engine, conftest.py, requirements.txt), plus files written from the templates in
`student/` beside this module: at the bundle's root a Makefile, pytest.ini, README.md and its translations
(README.zh-CN.md), each with the course's submission details from `course.toml` filled in, and in every
assignment's folder a Makefile that runs the root's commands for that assignment alone. The handouts ship in every
language of `catalogue.TRANSLATIONS`, as the tracked files they are. Nothing INSTRUCTOR ever goes in: no solutions,
hidden suites, banks, tooling
(autograder/packaging, stubs, bench, batch), docs, course.toml or the grader's tests.
The zip is reproducible: sorted members, fixed timestamps and modes, so the same commit gives the same bytes.
"""

from __future__ import annotations

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
ENGLISH = {"assignment": "assignment", "file": "the file to submit", "where": "Where:", "default": DEFAULT_SUBMIT_TO}
TRANSLATED = {
    "zh-CN": {"assignment": "作业", "file": "要提交的文件", "where": "提交到：",
              "default": "按课程说明上传：例如在 Gradescope 上，上传到与文件夹同名的作业（`a01_gradients`，……）。"
                         "如果课程说明里没有写，请询问老师。"},
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


def course_details(root: Path) -> dict[str, str]:
    """The course's details from `root`/course.toml: {"submit_to": text, "submit_to_zh-CN": text, ...}, one text per
    README language. submit_to falls back to DEFAULT_SUBMIT_TO when the file is missing or the text is empty; each
    translation's submit_to_<lang> to the course's submit_to, then to that language's default. Raises RuntimeError,
    saying what to fix, for a file that is not valid TOML, another key, or a value that is not a string."""
    path = Path(root, COURSE)
    details = {"submit_to": "", **{f"submit_to_{lang}": "" for lang in TRANSLATIONS}}
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
    return details


def templates(root: Path) -> Path:
    """The folder of the bundle's templates in the checkout `root` (TEMPLATES for this one)."""
    return Path(root, TEMPLATES.relative_to(TEMPLATES.parents[2]))


def readme(root: Path, lang: str | None = None) -> str:
    """The bundle's README.md, or with `lang` its README.<lang>.md: the template, with the file to submit for each
    assignment and where to submit, in that language."""
    name = "README.md" if lang is None else f"README.{lang}.md"
    template = (templates(root) / name).read_text(encoding="utf-8")
    words = ENGLISH if lang is None else TRANSLATED[lang]
    rows = "\n".join(f"| `{a.folder}` | `assignments/{a.folder}/{a.filename}` |" for a in CATALOGUE)
    where = course_details(root)["submit_to" if lang is None else f"submit_to_{lang}"]
    filled = {"@SUBMIT_FILES@": f"| {words['assignment']} | {words['file']} |\n|---|---|\n{rows}",
              "@SUBMIT_TO@": f"**{words['where']}** {where}"}
    for placeholder, text in filled.items():
        if template.count(placeholder) != 1:
            raise RuntimeError(f"{templates(root) / name} must hold {placeholder} exactly once")
        template = template.replace(placeholder, text)
    return template


def build(root: Path, target: Path) -> list[str]:
    """Write the student bundle of `root` into the empty or missing folder `target`; return its files, sorted.

    Files keep their executable bit; the templates become the files of `written_files()`.
    Raises RuntimeError if a tracked file is missing from the work tree, if a shipped path collides with a
    written file's name, or if course.toml cannot be read.
    """
    root, target = Path(root), Path(target)
    files = bundle_files(root)
    clash = sorted(set(files) & set(written_files()))
    if clash:
        raise RuntimeError(f"{', '.join(clash)} would ship from the checkout and from the templates in "
                           f"{templates(root)}; make catalogue.LAYOUT mark them INSTRUCTOR")
    texts = {name: readme(root, lang) for name, lang in READMES.items()}
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
    return sorted([*files, *written_files()])


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
