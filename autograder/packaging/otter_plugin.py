"""The Otter-Grader plugin inside every autograder zip: Otter runs the process, this course's engine grades.

Shipped as `gd_otter_plugin.py` at the root of each zip (importable there, next to `run_otter.py`) and installed
into `.otter-venv` by `make otter` (so that `otter run` finds it), each time with the engine's `autograder/text.py`
beside it as `gd_otter_text.py`. Standard library only, besides Otter itself.

What happens to a submission (docs/otter.md says why this route):
1. Gradescope only (`gradescope_main`, called by the zip's `run_otter.py`): the upload is moved out of
   `submission/` into `upload/`, and `submission/` gets one empty placeholder, so Otter's "exactly one .py file"
   rule never rejects a folder or a zip.
2. `before_grading`: the engine folder (solutions, hidden suite) is made unreadable to every user but root. Under
   `otter run`, the upload is set aside as in 1. (`set_aside`): Otter reads the file it chose as UTF-8 text
   before any plugin can stop it, and an upload that is not (UTF-16, 0xff bytes) would crash Otter itself.
3. `before_execution`: Otter's kernel gets a notebook with one comment in it. **Submitted code never runs in
   Otter's kernel** nor in any process that holds the hidden tests or the solution.
4. `after_grading`: the catalogue module is taken from the upload (a lone file, a folder, or a zip of either),
   and the engine grades it in its sandbox, in a subprocess: `python -m autograder grade --results`. Its
   results.json becomes Otter's output: one row per test, with the engine's names, points, messages and
   visibilities. Every string in it, and in the note that says which file was graded, is inert (text.py).
"""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

try:
    from autograder.text import inert, inert_data
except ImportError:  # in an Otter zip or .otter-venv: the same file, shipped beside this one
    from gd_otter_text import inert, inert_data

try:
    from otter.plugins import AbstractOtterPlugin
    from otter.test_files import GradingResults
except ImportError:  # the intake below is also used, and tested, without Otter installed
    AbstractOtterPlugin = GradingResults = object

ENGINE = "engine"                   # folder of the zip's source holding the engine, its solution and hidden suite
UPLOAD = "upload"                   # Gradescope: where gradescope_main moves what the student uploaded
PLACEHOLDER = "submission.py"       # what Otter sees instead of the upload
PLACEHOLDER_TEXT = "# the upload is graded from ../upload\n"
OTTER_OWN = ("tests", "__init__.py")  # what `otter run` puts beside the upload before the plugin runs
MAX_MODULE_BYTES = 1 << 20          # the engine refuses larger modules too
MAX_ENTRIES = 10_000                # files and zip members looked at, at most
MAX_DEPTH = 6
ENGINE_TIMEOUT = 1800               # seconds; the engine's own per-call limits end a hostile submission long before
KERNEL_CELL = "# This kernel runs nothing submitted: the course's sandboxed engine grades the submission.\n"


# --------------------------------------------------------------------------- the plugin (Otter calls these in order)


class EngineGrading(AbstractOtterPlugin):
    """Configured in otter_config.json: {"gd_otter_plugin.EngineGrading": {"assignment": ..., "module": ...}}."""

    def before_grading(self, config):
        lock_engine(self._ag_dir() / "source" / ENGINE)
        set_aside(self._ag_dir(), Path(self.submission_path))

    def before_execution(self, submission):
        import nbformat

        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(KERNEL_CELL)])

    def after_grading(self, results):
        ag_dir = self._ag_dir()
        upload = ag_dir / UPLOAD if (ag_dir / UPLOAD).is_dir() else Path(self.submission_path).parent
        output = grade_upload(upload, ag_dir / "source" / ENGINE, self.plugin_config)
        results.__class__ = EngineResults
        results.engine_output = output

    def _ag_dir(self) -> Path:
        return Path(self.submission_path).resolve().parent.parent  # <autograder>/submission/<file>


class EngineResults(GradingResults):
    """Otter's results, whose Gradescope form is the engine's results.json (set by `after_grading`)."""

    engine_output: dict = {}

    def to_gradescope_dict(self, ag_config) -> dict:
        return self.engine_output


def gradescope_main(ag_dir: str = "/autograder") -> None:
    """The zip's run_otter.py: set the upload aside, then run Otter's own autograder in this process."""
    root = Path(ag_dir)
    upload, submission = root / UPLOAD, root / "submission"
    if not upload.exists():
        submission.rename(upload)
        submission.mkdir()
        (submission / PLACEHOLDER).write_text(PLACEHOLDER_TEXT)
    from otter.run.run_autograder import main

    main(str(root))


def set_aside(ag_dir: Path, chosen: Path) -> None:
    """`otter run`: move the upload to `upload/`, as `gradescope_main` does on Gradescope, and put a placeholder
    where `chosen` was, the file Otter reads next (as UTF-8 text, in its own `grade_notebook`, before the plugin's
    `before_execution`). Whatever the upload holds, Otter then reads the placeholder; the engine grades the upload
    and tells the student what is wrong with it. Nothing to do when gradescope_main has set it aside already."""
    upload = ag_dir / UPLOAD
    if upload.exists():
        return
    upload.mkdir()
    for entry in list(chosen.parent.iterdir()):
        if entry.name not in OTTER_OWN:
            entry.rename(upload / entry.name)
    chosen.write_text(PLACEHOLDER_TEXT, encoding="utf-8")


# --------------------------------------------------------------------------- grading one upload with the engine


def grade_upload(upload: Path, engine: Path, config: dict) -> dict:
    """Find the catalogue module in `upload`, grade it with the engine in `engine`, return results.json's content."""
    folder, filename = config["assignment"], config["module"] + ".py"
    data, note = locate(upload, folder, filename)
    with tempfile.TemporaryDirectory(prefix="gd-otter-") as tmp:
        layout = Path(tmp, "submission")
        (layout / folder).mkdir(parents=True)
        if data is not None:
            (layout / folder / filename).write_bytes(data)
        results = Path(tmp, "results.json")
        cmd = [sys.executable, "-m", "autograder", "grade", "--submission", str(layout), "--only", folder,
               "--results", str(results), "--hidden-visibility", config.get("hidden_visibility", "after_published")]
        try:
            proc = subprocess.run(cmd, cwd=engine, capture_output=True, text=True, timeout=ENGINE_TIMEOUT)
        except subprocess.TimeoutExpired:
            return _grader_failure(f"the grading engine gave no result within {ENGINE_TIMEOUT} s", note)
        print(inert(proc.stdout), end="")  # the instructor's view (stdout is hidden from students, see the results)
        print(inert(proc.stderr), end="", file=sys.stderr)
        if not results.exists():
            return _grader_failure(f"the grading engine stopped with exit code {proc.returncode}", note)
        output = json.loads(results.read_text(encoding="utf-8"))
    output["output"] = f"{note}\n{output.get('output', '')}".strip()
    if data is None:  # each test says why, not only "not found": the note names what was uploaded and what to upload
        for test in output.get("tests", []):
            if test.get("tags") == ["not submitted"]:
                test["output"] = f"not submitted: {note}"
    output["stdout_visibility"] = "hidden"
    return inert_data(output)


def _grader_failure(reason: str, note: str) -> dict:
    message = inert(f"{note}\nThe autograder itself failed ({reason}); this is not your code's fault. Please tell your instructor.")
    return {"score": 0, "output": message, "stdout_visibility": "hidden",
            "tests": [{"name": "Autograder error", "score": 0, "max_score": 0, "status": "failed",
                       "output": message, "visibility": "visible"}]}


def lock_engine(engine: Path) -> None:
    """Make the engine (solution, hidden suite) readable by its owner only: the sandbox's user is not its owner."""
    if not engine.is_dir():
        return
    for path in [engine, *engine.rglob("*")]:
        if not path.is_symlink():
            path.chmod(stat.S_IMODE(path.stat().st_mode) & 0o700)


# --------------------------------------------------------------------------- intake: the module, wherever it was put


def locate(upload: Path, folder: str, filename: str) -> tuple[bytes | None, str]:
    """The bytes of the catalogue module in an upload, and a note that says where they came from.

    Accepted, in this order: `filename` itself; `folder/filename`; `filename` at any depth (the shallowest, and
    a tie is refused); the same inside any .zip uploaded. `upload` is a folder, or a zip file. Links, special files, and files over 1 MB are
    refused; nothing is extracted to disk. Returns (None, reason) when no single module was found. The note quotes
    the upload's file names, made inert. A notebook (.ipynb) uploaded instead of the module is named in the reason:
    the notebook reads the module, and only the module is graded.
    """
    found: list[tuple[tuple, str, object]] = []  # (rank, shown name, how to read it)
    refused: list[str] = []
    notebooks: list[str] = []
    seen = 0
    entries = [(upload, 0)] if upload.is_file() else _walk(upload)  # a lone zip is an upload too
    for path, depth in entries:
        seen += 1
        if seen > MAX_ENTRIES:
            break
        rel = path.name if path == upload else path.relative_to(upload).as_posix()
        if path.suffix == ".ipynb":
            notebooks.append(rel)
        if path.name == filename:
            if path.is_symlink() or not path.is_file():
                refused.append(f"{rel} (not a regular file)")
            elif path.stat().st_size > MAX_MODULE_BYTES:
                refused.append(f"{rel} (larger than 1 MB)")
            else:
                found.append((_rank(rel, folder, filename), rel, path))
        elif path.suffix == ".zip" and path.is_file() and not path.is_symlink():
            for name, rank, info in _zip_candidates(path, folder, filename):
                found.append(((1, *rank), f"{rel}:{name}", (path, info)))
            notebooks += [f"{rel}:{name}" for name in _zip_notebooks(path)]
    if not found:
        why = f"; refused: {', '.join(refused)}" if refused else ""
        if notebooks:
            why += (f". You uploaded {', '.join(notebooks[:3])}, a notebook, which is not graded: your functions are "
                    f"in {filename}, the file the notebook reads, beside it")
        return None, inert(f"{filename} was not found in your submission{why}. Upload {filename}, the {folder} folder, "
                           "or a zip of either.")
    found.sort(key=lambda f: f[0])
    if len(found) > 1 and found[0][0] == found[1][0]:
        names = ", ".join(f[1] for f in found if f[0] == found[0][0])
        return None, inert(f"more than one {filename} in your submission ({names}); upload just one.")
    _, shown, source = found[0]
    if isinstance(source, Path):
        return source.read_bytes(), inert(f"Graded {shown} from your submission.")
    archive, info = source
    with zipfile.ZipFile(archive) as zf, zf.open(info) as fh:
        return fh.read(MAX_MODULE_BYTES + 1), inert(f"Graded {shown} from your submission.")  # the engine refuses > 1 MB


def _walk(root: Path):
    """Every entry below `root` (not following links), breadth first, down to MAX_DEPTH."""
    level = [root]
    for depth in range(MAX_DEPTH):
        following = []
        for directory in level:
            try:
                entries = sorted(directory.iterdir())
            except OSError:
                continue
            for entry in entries:
                if entry.name in ("__MACOSX", "__pycache__") or entry.name.startswith("."):
                    continue
                yield entry, depth
                if entry.is_dir() and not entry.is_symlink():
                    following.append(entry)
        level = following


def _zip_notebooks(archive: Path) -> list[str]:
    """The names of the notebooks (.ipynb) in a zip; none if it cannot be read."""
    try:
        with zipfile.ZipFile(archive) as zf:
            return [info.filename for info in zf.infolist()[:MAX_ENTRIES]
                    if info.filename.endswith(".ipynb") and not info.filename.startswith("__MACOSX")]
    except (OSError, zipfile.BadZipFile):
        return []


def _rank(rel: str, folder: str, filename: str) -> tuple:
    parts = PurePosixPath(rel).parts
    exact = 0 if parts == (filename,) else 1 if parts == (folder, filename) else 2
    return (0, exact, len(parts))


def _zip_candidates(archive: Path, folder: str, filename: str):
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist()[:MAX_ENTRIES]:
                name = info.filename
                parts = PurePosixPath(name).parts
                if not parts or parts[-1] != filename or parts[0] == "__MACOSX" or ".." in parts or info.is_dir():
                    continue
                is_link = stat.S_ISLNK(info.external_attr >> 16)
                if is_link or info.file_size > MAX_MODULE_BYTES:
                    continue
                yield name, _rank(name, folder, filename)[1:], info
    except (OSError, zipfile.BadZipFile):
        return
