"""`make otter`: one Otter-Grader autograder zip per assignment, graded by this course's engine.

Each zip starts as `otter generate`'s output (the pinned Otter in `.otter-venv`), with one placeholder test and
an otter_config.json that loads the plugin `gd_otter_plugin.EngineGrading` (otter_plugin.py). Three of Otter's
files are then replaced and the engine added (docs/otter.md says why):

    setup.sh, run_autograder, run_otter.py   ours (otter_files/): a pip-only install, no Miniforge or Chromium
    gd_otter_plugin.py                        the plugin
    gd_otter_text.py                          autograder/text.py, with which the plugin makes its notes inert
    requirements.txt, requirements-otter.txt  everything grading installs, pinned
    engine/                                   the engine, this assignment's public and hidden tests, its solution

Everything outside `engine/` can be read by a submission at grading time (Otter copies tests/ beside it); the
leak audit checks that. `engine/` is readable by root only in the zip, after setup.sh and when grading starts.
The zips are reproducible: the same commit gives the same bytes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from autograder.catalogue import CATALOGUE, ENGINE, GRADING_REQUIREMENTS, ROOT, Assignment, audience, lookup
from autograder.results import HIDDEN_VISIBILITY, VISIBILITIES

OTTER_VENV = ROOT / ".otter-venv"
OTTER_REQUIREMENTS = "requirements-otter.txt"
FILES = Path(__file__).resolve().parent / "otter_files"
PLUGIN_SOURCE = Path(__file__).resolve().parent / "otter_plugin.py"
PLUGIN_MODULE = "gd_otter_plugin"
TEXT_SOURCE = ROOT / "autograder" / "text.py"
TEXT_MODULE = "gd_otter_text"  # the plugin imports it by this name where `autograder` is not importable
SECRET_PREFIX = "engine/"   # members below this are never readable by a submission
REPLACED = ("setup.sh", "run_autograder", "run_otter.py", "environment.yml", "requirements.txt")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
RUN_TIMEOUT = 600


def main(out: str = "dist/otter", only=None, hidden_visibility: str = HIDDEN_VISIBILITY) -> int:
    if hidden_visibility not in VISIBILITIES:
        print(f"error: HIDDEN_VISIBILITY={hidden_visibility!r}; use one of {', '.join(VISIBILITIES)}", file=sys.stderr)
        return 2
    try:
        folders = [lookup(name).folder for name in only] if only else None
        zips = build(Path(out), folders, hidden_visibility)
    except (KeyError, OtterMissing) as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2
    for path in zips:
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"Upload one zip per Gradescope programming assignment (README: Gradescope). Try one locally:\n"
          f"  {OTTER_VENV.name}/bin/otter run -a {zips[0]} -o OUT {lookup(_folder(zips[0])).filename}")
    return 0


class OtterMissing(RuntimeError):
    """The Otter environment has not been built."""


def build(out_dir: Path, folders=None, hidden_visibility: str = HIDDEN_VISIBILITY) -> list[Path]:
    """Write `out_dir/<folder>.zip` for each assignment (all of the catalogue by default); return the paths."""
    otter = _otter_bin()
    install_plugin()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for assignment in (lookup(f) for f in folders) if folders else CATALOGUE:
        target = out_dir / f"{assignment.folder}.zip"
        with tempfile.TemporaryDirectory(prefix="gd-otter-build-") as tmp:
            base = Path(tmp, "otter-generate.zip")
            _generate(otter, assignment, hidden_visibility, Path(tmp), base)
            _assemble(base, assignment, target)
        written.append(target)
    return written


def grade(zip_path: Path, submission: Path, timeout: float = RUN_TIMEOUT) -> dict:
    """Grade `submission` (a module file, or a zip holding one) with `otter run`; return its results.json."""
    otter = _otter_bin()
    install_plugin()
    with tempfile.TemporaryDirectory(prefix="gd-otter-run-") as tmp:
        proc = subprocess.run([str(otter), "run", "-a", str(zip_path), "-o", tmp, "--no-logo", str(submission)],
                              capture_output=True, text=True, timeout=timeout, cwd=tmp)
        results = Path(tmp, "results.json")
        if not results.exists():
            raise RuntimeError(f"otter run wrote no results.json (exit {proc.returncode}):\n{proc.stdout[-3000:]}\n"
                               f"{proc.stderr[-3000:]}")
        return json.loads(results.read_text(encoding="utf-8"))


def install_plugin() -> Path:
    """Copy the plugin and its text module into .otter-venv, where `otter run` imports them from (Gradescope imports
    the zip's copies)."""
    purelib = subprocess.run([str(OTTER_VENV / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    for source, module in ((TEXT_SOURCE, TEXT_MODULE), (PLUGIN_SOURCE, PLUGIN_MODULE)):
        target = Path(purelib, f"{module}.py")
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
    return target


def engine_members(assignment: Assignment, root: Path = ROOT) -> list[str]:
    """Paths (relative to `root`) of what grading `assignment` needs: the engine, its tests, its solution."""
    engine = sorted(p.relative_to(root).as_posix() for p in (root / "autograder").rglob("*")
                    if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
                    and audience(p.relative_to(root).as_posix()) == ENGINE)
    own = [assignment.solution(root), *assignment.public_tests(root), *assignment.hidden_tests(root)]
    return engine + [p.relative_to(root).as_posix() for p in own]


# --------------------------------------------------------------------------- steps


def _otter_bin() -> Path:
    otter = OTTER_VENV / "bin" / "otter"
    if not otter.exists():
        raise OtterMissing(f"{otter} not found: run `make otter`, which builds {OTTER_VENV.name} on first use")
    return otter


def _generate(otter: Path, assignment: Assignment, hidden_visibility: str, tmp: Path, base: Path) -> None:
    tests = tmp / "tests"
    tests.mkdir()
    shutil.copyfile(FILES / "test_engine.py", tests / "engine.py")
    config = {
        "plugins": [{f"{PLUGIN_MODULE}.EngineGrading": {"assignment": assignment.folder, "module": assignment.module,
                                                         "hidden_visibility": hidden_visibility}}],
        "logo": False,
        "print_summary": False,
        "show_stdout": False,
    }
    (tmp / "otter_config.json").write_text(json.dumps(config, indent=2) + "\n")
    proc = subprocess.run([str(otter), "generate", "-t", "tests", "-o", str(base), "-c", "otter_config.json",
                           "--no-requirements", "--no-environment"], cwd=tmp, capture_output=True, text=True)
    if proc.returncode != 0 or not base.exists():
        raise RuntimeError(f"otter generate failed for {assignment.folder}:\n{proc.stdout}\n{proc.stderr}")


def _assemble(base: Path, assignment: Assignment, target: Path) -> None:
    """Otter's zip, minus what REPLACED names, plus ours; fixed timestamps and modes, sorted members."""
    members: dict[str, tuple[bytes, int]] = {}
    with zipfile.ZipFile(base) as zf:
        for info in zf.infolist():
            if not info.is_dir() and info.filename not in REPLACED:
                members[info.filename] = (zf.read(info), 0o644)
    for name in ("setup.sh", "run_autograder"):
        members[name] = ((FILES / name).read_bytes(), 0o755)
    members["run_otter.py"] = ((FILES / "run_otter.py").read_bytes(), 0o644)
    members[f"{PLUGIN_MODULE}.py"] = (PLUGIN_SOURCE.read_bytes(), 0o644)
    members[f"{TEXT_MODULE}.py"] = (TEXT_SOURCE.read_bytes(), 0o644)
    members["requirements.txt"] = ((ROOT / GRADING_REQUIREMENTS).read_bytes(), 0o644)
    members[OTTER_REQUIREMENTS] = ((ROOT / OTTER_REQUIREMENTS).read_bytes(), 0o644)
    for rel in engine_members(assignment):
        members[SECRET_PREFIX + rel] = ((ROOT / rel).read_bytes(), 0o600)
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(members):
            data, mode = members[name]
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    tmp.replace(target)


def _folder(zip_path: Path) -> str:
    return zip_path.stem
