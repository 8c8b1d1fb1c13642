"""`make release VERSION=x.y.z`: check every release gate, then write dist/ in one move.

dist/ then holds the student bundle (dist/student/ and dist/student-<version>.zip), one Otter-Grader zip per
assignment (dist/otter/), the release notes (dist/RELEASE_NOTES.md, the CHANGELOG.md section for the version) and
dist/MANIFEST.json (version, commit, tools, date, and the SHA-256 and size of every file). docs/releasing.md says
what each gate guards and what to do when one fails. The gates, cheapest first:

1. clean tree     `git status --porcelain` is empty: a release is built from a commit;
2. changelog      CHANGELOG.md has a dated, non-empty `## [x.y.z] - YYYY-MM-DD` section;
3. stubs          every stub in assignments/ is what `make stubs` writes from solutions/;
4. translations   every handout and README agrees with its translations, as `make check-translations` checks
                  (translations.py);
5. leak audit     no solution line or hidden test in the bundle or in what a submission can read in a zip (audit.py);
6. grades         the solutions score full marks and the stubs 0, under `make grade`, in the bundle (public tests
                  only) and under every Otter zip;
7. bundle         every command the bundle's READMEs and handouts show works as shown in the unpacked bundle zip,
                  with the solutions in place of the stubs (tryout.py);
8. banks          every wrong_*.py bank loses points, every right_*.py keeps them all (banks.py).

Everything is built in a temporary folder beside dist/; dist/ is replaced only when every gate passed, so a
refused release leaves dist/ as it was.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from autograder.catalogue import CATALOGUE, ROOT, lookup
from autograder.packaging import audit, banks, student, translations, tryout
from autograder.stubs import MarkerError, make_stub

GATES = ("clean tree", "changelog", "stubs", "translations", "leak audit", "grades", "bundle", "banks")
NEEDS_BUILD = ("leak audit", "grades", "bundle")  # gates that check the built artifacts
VERSION = re.compile(r"\d+\.\d+\.\d+")
HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?:\s+-\s+(?P<date>\S+))?\s*$")
HIDDEN_VISIBILITY = "after_published"
SHOWN = 12  # problems listed in a gate's message; the rest are counted


class Refused(Exception):
    """A gate failed (or a build step could not run): `what` names it, `why` says why and what to do."""

    def __init__(self, what: str, why: str):
        super().__init__(f"{what} failed: {why}")
        self.what, self.why = what, why


@dataclass
class Release:
    """One release being built: where from, where to, and what the steps found so far."""

    root: Path
    version: str
    out: Path                     # dist/, absolute
    shown: str                    # how dist/ is named in messages
    folders: list[str]
    otter: object | None          # the autograder.packaging.otter module, or None to leave the Otter zips out
    workers: int
    course_url: str | None = None  # written into the bundle's notebooks (None: course.toml's course_url, if any)
    staging: Path | None = None
    commit: str = ""
    notes: str = ""
    zips: list[Path] = field(default_factory=list)


def main(version: str, out: str | Path = "dist", root: Path | None = None, gates=None, folders=None,
         otter: bool = True, workers: int | None = None, course_url: str | None = None) -> int:
    """Build release `version` of `root` (this checkout) into `out`; return 0, 1 when a gate refused it (dist/
    untouched), or 2 for a bad argument. `gates` runs only those of GATES, `folders` only those assignments,
    `otter=False` leaves the Otter zips out; the command line always runs everything. `course_url` (else
    course.toml's) is where the bundle's notebooks fetch the course from on Colab."""
    root = Path(root or ROOT).resolve()
    if not VERSION.fullmatch(version):
        return _usage(f"release version {version!r} is not x.y.z (three numbers, like 0.1.0, without a leading v)")
    selected = GATES if gates is None else tuple(gates)
    if set(selected) - set(GATES):
        return _usage(f"unknown gates {sorted(set(selected) - set(GATES))}; the gates are: {', '.join(GATES)}")
    try:
        chosen = [lookup(f).folder for f in folders] if folders else [a.folder for a in CATALOGUE]
        module = _otter_module(root) if otter else None
    except (KeyError, Refused) as exc:
        return _usage(str(exc.args[0]))
    out = Path(out).absolute()
    shown = os.path.relpath(out) if not os.path.relpath(out).startswith("..") else str(out)
    release = Release(root, version, out, shown, chosen, module, workers or os.cpu_count() or 1, course_url=course_url)
    started = time.perf_counter()
    steps = [(name, fn) for name, fn in GATE_STEPS if name in selected]
    try:
        _step("commit", lambda r: _commit(r), release)
        for number, (name, fn) in enumerate(steps, start=1):
            if name in NEEDS_BUILD and release.staging is None:
                _step("build", _build, release)
            _step(f"gate {number}/{len(steps)} '{name}'", fn, release, gate=name)
        if release.staging is None:
            _step("build", _build, release)
        _step("write", lambda r: _write(r, selected), release)
        _replace(release.staging, release.out)
    except Refused as exc:
        print(f"{exc}\nNothing was written to {release.shown}/.", file=sys.stderr)
        return 1
    finally:
        if release.staging is not None and release.staging.exists():
            shutil.rmtree(release.staging)
    print(f"release {version} of commit {release.commit[:12]} written to {release.shown}/ in "
          f"{time.perf_counter() - started:.1f} s; publish the files that {release.shown}/MANIFEST.json lists")
    return 0


def _step(label: str, fn, release: Release, gate: str | None = None) -> None:
    """Run one step; print one line with its time; turn any Refused into one that names the gate."""
    began = time.perf_counter()
    try:
        detail = fn(release)
    except Refused as exc:
        raise Refused(f"gate '{gate}'" if gate else f"step '{label}'", exc.why) from None
    print(f"{label}: {'passed' if gate else 'done'} in {time.perf_counter() - began:.1f} s"
          f"{f' ({detail})' if detail else ''}", flush=True)


# --------------------------------------------------------------------------- the gates, cheapest first


def _commit(release: Release) -> str:
    release.commit = _git(release.root, "rev-parse", "HEAD").strip()
    return release.commit


def gate_clean_tree(release: Release) -> str:
    """Refuse uncommitted changes and untracked files: a release must be reproducible from its commit."""
    dirty = _git(release.root, "status", "--porcelain").splitlines()
    if dirty:
        listed = "; ".join(line.strip() for line in dirty[:SHOWN]) + (f" (and {len(dirty) - SHOWN} more)" if len(dirty) > SHOWN else "")
        raise Refused("clean tree", f"the work tree has {len(dirty)} uncommitted change(s): {listed}. A release is "
                                    "built from a commit: commit (or stash, or remove) them and run make release again")
    return f"commit {release.commit[:12]}"


def changelog_section(root: Path, version: str) -> str:
    """The CHANGELOG.md section for `version`, heading included, as release notes. Raises Refused when there is
    none, when its heading has no YYYY-MM-DD date, or when it says nothing."""
    path = Path(root, "CHANGELOG.md")
    if not path.is_file():
        raise Refused("changelog", f"{path} does not exist; write one (keep-a-changelog style) with a section "
                                   f"`## [{version}] - YYYY-MM-DD`")
    lines, section = path.read_text(encoding="utf-8").splitlines(), None
    for number, line in enumerate(lines):
        match = HEADING.match(line)
        if section is None and match and match["version"] == version:
            section = [line]
            if not (match["date"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", match["date"])):
                raise Refused("changelog", f"CHANGELOG.md line {number + 1} has no release date: write "
                                           f"`## [{version}] - YYYY-MM-DD`")
        elif section is not None:
            if line.startswith("## ") or re.match(r"^\[[^\]]+\]:\s", line):
                break
            section.append(line)
    if section is None:
        raise Refused("changelog", f"CHANGELOG.md has no section for {version}: add `## [{version}] - YYYY-MM-DD` "
                                   "listing what changed (move the items under [Unreleased] there), commit, and run "
                                   "make release again")
    if not "".join(section[1:]).strip():
        raise Refused("changelog", f"CHANGELOG.md's section for {version} is empty: say what changed")
    return "\n".join(section).strip() + "\n"


def gate_changelog(release: Release) -> str:
    release.notes = changelog_section(release.root, release.version)
    return release.notes.splitlines()[0]


def gate_stubs(release: Release) -> str:
    """Refuse a stub that differs from what `make stubs` writes from its solution."""
    stale = []
    for assignment in map(lookup, release.folders):
        solution, stub = assignment.solution(release.root), assignment.stub(release.root)
        if not solution.exists():
            continue
        rel = solution.relative_to(release.root).as_posix()
        try:
            want = make_stub(solution.read_text(encoding="utf-8"), rel)
        except (MarkerError, SyntaxError) as exc:
            raise Refused("stubs", f"{exc}; fix the markers in {rel}") from None
        have = stub.read_text(encoding="utf-8") if stub.exists() else ""
        if have != want:
            first = next((i for i, (a, b) in enumerate(zip(have.splitlines(), want.splitlines()), 1) if a != b),
                         min(len(have.splitlines()), len(want.splitlines())) + 1)
            stale.append(f"{stub.relative_to(release.root).as_posix()} differs from what `make stubs` writes from "
                         f"{rel} (from line {first})")
    if stale:
        raise Refused("stubs", "; ".join(stale) + ". Run `make stubs`, check the diff, commit it, and run make release again")
    return f"{len(release.folders)} stubs match their solutions"


def gate_translations(release: Release) -> str:
    """Refuse a handout (of the chosen assignments) or README whose translation says other formulas, numbers,
    figures, code or sections than it, or is missing."""
    problems = translations.check(release.root, release.folders)
    if problems:
        raise Refused("translations", _listing(problems) + "\nMake each translation say what its English page says "
                                      "(docs/translating.md), check with make check-translations, commit, and run "
                                      "make release again")
    return f"{len(translations.pairs(release.folders))} pages agree with their English versions"


def gate_leak_audit(release: Release) -> str:
    """Refuse when a student can read a solution line or a hidden test: in the bundle (folder and zip) or in any
    member of an Otter zip outside its secret folder."""
    found = audit.secrets(release.root, student.bundle_files(release.root))
    leaks = audit.audit_folder(release.staging / "student", f"{release.shown}/student", found)
    bundle_zip = release.staging / f"student-{release.version}.zip"
    if student.zip_contents(bundle_zip) != student.folder_contents(release.staging / "student"):
        raise Refused("leak audit", f"{bundle_zip.name} does not hold exactly the files of {release.shown}/student")
    prefix = getattr(release.otter, "SECRET_PREFIX", "engine/")
    for path in release.zips:
        leaks += audit.audit_zip(path, f"{release.shown}/otter/{path.name}", found, prefix)
    if leaks:
        raise Refused("leak audit", _listing(leaks) + "\nRemove these lines from what ships (handouts, stubs, public "
                                    "tests, engine), or make the file INSTRUCTOR in catalogue.LAYOUT; docs/releasing.md "
                                    "has the rule")
    return f"{len(found.lines)} distinctive lines, {len(found.hashes)} secret files, {1 + len(release.zips)} artifacts clean"


def gate_grades(release: Release) -> str:
    """Refuse unless the solutions score full marks and the stubs 0: with the engine, in the bundle, in each zip."""
    only = [arg for f in release.folders for arg in ("--only", f)]
    scratch = Path(tempfile.mkdtemp(prefix="gd-release-bundle-"))  # grading writes caches: keep them out of dist/
    shutil.copytree(release.staging / "student", scratch / "student")
    try:
        return _grades(release, only, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _grades(release: Release, only: list[str], scratch: Path) -> str:
    root = release.root
    jobs = {
        "make grade of solutions/": (root, root / "solutions", "full"),
        "make grade of the stubs in assignments/": (root, root / "assignments", "zero"),
        f"make grade in {release.shown}/student (public tests) of solutions/": (scratch / "student", root / "solutions", "full"),
    }
    with ThreadPoolExecutor(max_workers=release.workers) as pool:
        engine = {what: pool.submit(_grade_engine, cwd, sub, only) for what, (cwd, sub, _) in jobs.items()}
        zipped = {(path, kind): pool.submit(_grade_zip, release.otter, path, _module(root, path.stem, kind))
                  for path in release.zips for kind in ("solution", "stub")}
        results = {what: f.result() for what, f in engine.items()}
        zips = {key: f.result() for key, f in zipped.items()}
    problems = [p for what, (_, _, want) in jobs.items() for p in _score_problems(what, results[what], want)]
    maxima = _maxima(results["make grade of solutions/"])
    for (path, kind), data in zips.items():
        what = f"{release.shown}/otter/{path.name} grading {_module(root, path.stem, kind).relative_to(root)}"
        problems += _score_problems(what, data, "full" if kind == "solution" else "zero")
        if kind == "solution" and not data.get("error") and data.get("max_score") != maxima.get(path.stem):
            problems.append(f"{what}: max score {data.get('max_score')} differs from make grade's {maxima.get(path.stem)}")
    if problems:
        raise Refused("grades", _listing(problems) + "\nThe solutions must score full marks and the stubs 0 everywhere: "
                                "fix the solution, the stub (make stubs) or the suite")
    return (f"solutions {results['make grade of solutions/']['score']:g}/{results['make grade of solutions/']['max_score']:g}, "
            f"stubs 0, {len(release.zips)} Otter zips agree")


def gate_bundle(release: Release) -> str:
    """Refuse when a command the bundle's README or a handout shows does not work as shown in the unpacked zip."""
    scratch = Path(tempfile.mkdtemp(prefix="gd-release-tryout-"))
    try:
        bundle = student.unpack(release.staging / f"student-{release.version}.zip", scratch)
        tryout.put_solutions(release.root, bundle)
        tryout.seed_venv(bundle)
        ran, problems = tryout.try_bundle(bundle)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if problems:
        raise Refused("bundle", _listing(problems) + "\nWith the solutions in place every command the bundle's README "
                                "(autograder/packaging/student/README.md) and handouts show must exit 0: fix the "
                                "command where it is shown, or the bundle's templates in autograder/packaging/student/")
    return f"{len(ran)} commands work as shown"


def gate_banks(release: Release) -> str:
    """Refuse a wrong_*.py bank that keeps full marks, a right_*.py that loses points, or one the grader fails on."""
    step = max(1, len(banks.all_banks(release.root, release.folders)) // 10)

    def progress(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            print(f"  banks {done}/{total}", flush=True)

    graded = banks.grade_banks(release.root, release.folders, release.workers, progress)
    problems = [f"{r.bank.relative_to(release.root).as_posix()} {r.problem}" for r in graded if r.problem]
    if problems:
        raise Refused("banks", _listing(problems))
    return f"{len(graded)} banks keep their promise"


GATE_STEPS = (("clean tree", gate_clean_tree), ("changelog", gate_changelog), ("stubs", gate_stubs),
              ("translations", gate_translations), ("leak audit", gate_leak_audit), ("grades", gate_grades),
              ("bundle", gate_bundle), ("banks", gate_banks))


# --------------------------------------------------------------------------- build, write, move into place


def _build(release: Release) -> str:
    """Write the bundle, its zip and the Otter zips into a fresh staging folder beside dist/."""
    release.out.parent.mkdir(parents=True, exist_ok=True)
    release.staging = Path(tempfile.mkdtemp(prefix=f".{release.out.name}.building-", dir=release.out.parent))
    try:
        files = student.build(release.root, release.staging / "student", release.course_url)
    except RuntimeError as exc:
        raise Refused("build", str(exc)) from None
    student.write_zip(release.staging / "student", release.staging / f"student-{release.version}.zip",
                      f"student-{release.version}")
    if release.otter is not None:
        try:
            release.zips = release.otter.build(release.staging / "otter", release.folders, hidden_visibility=HIDDEN_VISIBILITY)
        except Exception as exc:  # the Otter module's own errors say what to do (e.g. run make otter)
            raise Refused("build", f"the Otter zips could not be built: {exc}") from None
    return f"{len(files)} files in the bundle, {len(release.zips)} Otter zips"


def _write(release: Release, gates) -> str:
    """RELEASE_NOTES.md and MANIFEST.json, into the staging folder."""
    release.notes = release.notes or changelog_section(release.root, release.version)
    (release.staging / "RELEASE_NOTES.md").write_text(release.notes, encoding="utf-8")
    staging = release.staging
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    manifest = {
        "version": release.version,
        "commit": release.commit,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "gates": list(gates),
        "tools": tools(release.otter),
        "artifacts": [_entry(p, staging) for p in files if p.relative_to(staging).parts[0] != "student"],
        "student_files": [_entry(p, staging / "student") for p in files if p.relative_to(staging).parts[0] == "student"],
    }
    (staging / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return f"{len(manifest['artifacts'])} artifacts, {len(manifest['student_files'])} bundle files hashed"


def tools(otter_module) -> dict:
    """The versions of what built and graded the release; otter-grader's read from its own environment."""
    found = {"python": platform.python_version()}
    for name in ("numpy", "pytest"):
        found[name] = importlib.metadata.version(name)
    found["otter-grader"] = None
    venv = getattr(otter_module, "OTTER_VENV", None)
    if venv is not None:
        proc = subprocess.run([str(Path(venv, "bin", "python")), "-c",
                               "import importlib.metadata as m; print(m.version('otter-grader'))"],
                              capture_output=True, text=True)
        found["otter-grader"] = proc.stdout.strip() if proc.returncode == 0 else None
    return found


def _entry(path: Path, base: Path) -> dict:
    data = path.read_bytes()
    return {"path": path.relative_to(base).as_posix(), "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _replace(staging: Path, out: Path) -> None:
    """Make `staging` become `out` by renames, removing the previous `out` only once the new one is in place."""
    if out.exists() and not out.is_dir():
        raise Refused("step 'write'", f"{out} exists and is not a folder; remove it and run make release again")
    old = out.with_name(f".{out.name}.previous-{os.getpid()}")
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if old.exists():
        shutil.rmtree(old)


# --------------------------------------------------------------------------- helpers


def _grade_engine(cwd: Path, submission: Path, only: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="gd-release-") as tmp:
        results = Path(tmp, "results.json")
        proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--submission", str(submission), *only,
                               "--results", str(results), "--quiet"], cwd=cwd, capture_output=True, text=True)
        if not results.exists():
            return {"score": None, "max_score": None, "tests": [], "error": f"exit {proc.returncode}: {proc.stderr.strip()[-500:]}"}
        data = json.loads(results.read_text(encoding="utf-8"))
    data["exit_code"] = proc.returncode
    return data


def _grade_zip(otter, zip_path: Path, submission: Path) -> dict:
    try:
        return otter.grade(zip_path, submission)
    except Exception as exc:  # otter run's own failure, reported as this zip's problem
        return {"error": str(exc)[-500:]}


def _score_problems(what: str, data: dict, want: str) -> list[str]:
    if data.get("error") or data.get("exit_code", 0) != 0:
        return [f"{what}: the grader failed ({data.get('error') or 'exit ' + str(data['exit_code'])})"]
    score, top = data["score"], data["max_score"]
    if want == "full" and (score != top or not top):
        lost = [t["name"] for t in data["tests"] if t["score"] < t["max_score"]]
        return [f"{what} scored {score:g}/{top:g}, not full marks; lost points on: {'; '.join(lost[:5])}"]
    if want == "zero" and score != 0:
        earned = [t["name"] for t in data["tests"] if t["score"] > 0]
        return [f"{what} scored {score:g}/{top:g}, not 0; earned points on: {'; '.join(earned[:5])}"]
    return []


def _maxima(results: dict) -> dict[str, float]:
    """Max score per assignment folder, from a results.json whose test names start with 'folder:'."""
    maxima: dict[str, float] = {}
    for t in results.get("tests", []):
        folder = t["name"].split(":", 1)[0]
        maxima[folder] = maxima.get(folder, 0) + t["max_score"]
    return maxima


def _module(root: Path, folder: str, kind: str) -> Path:
    assignment = lookup(folder)
    return (assignment.solution(root) if kind == "solution" else assignment.stub(root)).absolute()


def _otter_module(root: Path):
    """The Otter packaging module, refusing a root it would not build from (it builds from its own checkout)."""
    try:
        from autograder.packaging import otter
    except ImportError as exc:
        raise Refused("step 'build'", f"autograder.packaging.otter cannot be imported ({exc})") from None
    own = Path(getattr(otter, "ROOT", ROOT)).resolve()
    if own != root:
        raise Refused("step 'build'", f"the Otter zips are built from {own}, not {root}; run the release in that "
                                      "checkout, or leave the zips out (otter=False)")
    return otter


def _listing(problems: list[str]) -> str:
    more = f"\n(and {len(problems) - SHOWN} more)" if len(problems) > SHOWN else ""
    return "\n".join(problems[:SHOWN]) + more


def _git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise Refused("step 'git'", f"git {' '.join(args)} failed in {root}: {proc.stderr.strip()} "
                                    "(a release is built from a git checkout)")
    return proc.stdout


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
