"""`make test` works with every Python the README promises: one minimum, stated alike everywhere; every pin in
requirements*.txt installs on every Python from that minimum on; and whatever checks the interpreter (the Makefile,
the Otter zips' setup.sh, .ci/run) says up front what is wrong and what to do, instead of a pip error.

The pins are checked against the Requires-Python of the distributions installed in .venv and .otter-venv (both
built by `make test` before the tests run), so no test needs the network.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from autograder.packaging import otter
from support import ROOT

SETUP_SH = otter.FILES / "setup.sh"
CI_RUN = ROOT / ".ci" / "run"
# Each requirement file and the environment that `make test` installs it into.
REQUIREMENT_FILES = {"requirements.txt": ".venv", "requirements-dev.txt": ".venv", "requirements-notebook.txt": ".venv",
                     "requirements-otter.txt": ".otter-venv"}
NEWEST_MINOR = 15  # the pins are checked on every 3.x.y from the minimum up to 3.15.30


def declared_minimum() -> str:
    """The one minimum, from pyproject.toml's requires-python (">=3.11" gives "3.11")."""
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    found = re.fullmatch(r">=\s*(3\.\d+)", spec)
    assert found, f"pyproject.toml: requires-python = {spec!r}; expected the form '>=3.N'"
    return found.group(1)


MINIMUM = declared_minimum()


def accepted_pythons() -> list[str]:
    """Every Python version the README accepts, as far as they can be named: 3.11.0 ... 3.15.30."""
    first = int(MINIMUM.split(".")[1])
    return [f"3.{minor}.{patch}" for minor in range(first, NEWEST_MINOR + 1) for patch in range(31)]


def environment(version: str) -> dict[str, str]:
    """Marker variables for a Python `version` on this platform."""
    return {"python_version": version.rsplit(".", 1)[0], "python_full_version": version,
            "implementation_version": version}


def pins(name: str) -> list[Requirement]:
    requirements = []
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            specs = list(requirement.specifier)
            assert len(specs) == 1 and specs[0].operator == "==", f"{name}: {line!r} is not pinned with =="
            requirements.append(requirement)
    return requirements


def pinned_version(requirement: Requirement) -> str:
    return next(iter(requirement.specifier)).version


def installed(env: str, name: str) -> importlib.metadata.Distribution | None:
    """The distribution `name` installed in ROOT/env (.venv or .otter-venv), or None."""
    sites = sorted((ROOT / env / "lib").glob("python3*/site-packages"))
    for dist in importlib.metadata.distributions(path=[str(s) for s in sites]):
        if canonicalize_name(dist.metadata["Name"]) == canonicalize_name(name):
            return dist
    return None


def excluded(requires_python: str | None, versions: list[str]) -> list[str]:
    """The versions among `versions` that a Requires-Python specifier leaves out."""
    spec = SpecifierSet(requires_python or "")
    return [v for v in versions if not spec.contains(v, prereleases=True)]


def spans(versions: list[str]) -> str:
    """'3.11.0 to 3.11.4, 3.12.0' for a sorted list of versions: short enough for a failure message."""
    runs: list[list[str]] = []
    order = accepted_pythons()
    for v in versions:
        if runs and order.index(v) == order.index(runs[-1][-1]) + 1:
            runs[-1].append(v)
        else:
            runs.append([v])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs)


# --------------------------------------------------------------------------- one minimum, stated alike everywhere


def test_the_minimum_is_stated_alike_everywhere():
    assert re.search(rf"^PYTHON_MIN := {re.escape(MINIMUM)}$", (ROOT / "Makefile").read_text(), re.M), "Makefile"
    assert re.search(rf"^PYTHON_MIN={re.escape(MINIMUM)}$", SETUP_SH.read_text(), re.M), "setup.sh"
    # every sentence that states a minimum Python, in every doc and script that states one, states this one
    claims = re.compile(r"\b(3\.\d+)(?:\+| or newer| and newer)|version_info < \((3), (\d+)\)")
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "Makefile", SETUP_SH,
             *sorted((ROOT / "autograder" / "packaging").glob("student*/*"))]
    seen = 0
    for path in files:
        if path.is_file() and path.suffix in ("", ".md", ".sh"):
            for match in claims.finditer(path.read_text()):
                stated = match.group(1) or f"{match.group(2)}.{match.group(3)}"
                assert stated == MINIMUM, f"{path.relative_to(ROOT)} says Python {stated}; pyproject.toml {MINIMUM}"
                seen += 1
    assert seen >= 4
    # README states the requirement once, exactly
    readme = (ROOT / "README.md").read_text()
    assert len(re.findall(r"\b3\.\d+(?:\+| or newer| and newer)", readme)) == 1, "README states the Python minimum more than once"
    assert f"Python {MINIMUM} or newer" in readme


# --------------------------------------------------------------------------- every pin on every accepted Python


def test_every_accepted_python_gets_one_pin_of_each_package():
    """Pins with environment markers (`pkg==X; python_full_version < "3.11.5"`) must leave no Python without a pin,
    and give none two."""
    for name in REQUIREMENT_FILES:
        requirements = pins(name)
        for version in accepted_pythons():
            env = environment(version)
            names = [canonicalize_name(r.name) for r in requirements if r.marker is None or r.marker.evaluate(env)]
            missing = {canonicalize_name(r.name) for r in requirements} - set(names)
            twice = {n for n in names if names.count(n) > 1}
            assert not missing, f"{name}: no pin of {', '.join(sorted(missing))} applies to Python {version}"
            assert not twice, f"{name}: two pins of {', '.join(sorted(twice))} apply to Python {version}"


PINS = [pytest.param(name, requirement, id=f"{name}:{requirement}")
        for name in REQUIREMENT_FILES for requirement in pins(name)]


@pytest.mark.parametrize("name, requirement", PINS)
def test_each_pin_installs_on_every_accepted_python(name, requirement):
    env = REQUIREMENT_FILES[name]
    if requirement.marker is not None and not requirement.marker.evaluate():
        pytest.skip(f"applies where {requirement.marker}, not on this Python: checked by `make test` on one where it does")
    if env == ".otter-venv" and not (ROOT / env / "bin" / "python").exists():
        pytest.skip("no .otter-venv: run the tests with `make test`, which builds it")
    dist = installed(env, requirement.name)
    version = pinned_version(requirement)
    assert dist is not None and dist.version == version, (
        f"{name} pins {requirement.name}=={version} but {env} has {dist.version if dist else 'none'}: "
        f"rebuild it (rm -rf {env}, then make test)")
    applies = [v for v in accepted_pythons() if requirement.marker is None or requirement.marker.evaluate(environment(v))]
    requires = dist.metadata.get("Requires-Python")
    left_out = excluded(requires, applies)
    assert not left_out, (
        f"{name}: {requirement.name}=={version} has Requires-Python {requires!r}, which leaves out Python "
        f"{spans(left_out)}; README accepts Python {MINIMUM} or newer. Pin a release that installs on all of them "
        f"(or add a pin with a marker for the ones it leaves out).")


def test_files_installed_together_pin_each_package_alike():
    """.venv installs requirements.txt, requirements-dev.txt and requirements-notebook.txt together (and the bundle's
    .venv requirements.txt and requirements-notebook.txt): a package two of them pin has one version."""
    together = [name for name, env in REQUIREMENT_FILES.items() if env == ".venv"]
    versions: dict[str, dict[str, str]] = {}
    for name in together:
        for requirement in pins(name):
            versions.setdefault(canonicalize_name(requirement.name), {})[name] = pinned_version(requirement)
    differ = {package: files for package, files in versions.items() if len(set(files.values())) > 1}
    assert not differ, f"pinned differently: {differ}"
    assert len([p for p, files in versions.items() if len(files) > 1]) >= 10  # nbformat, ipykernel, ... in both


def test_the_pin_check_catches_a_pin_that_needs_a_newer_python():
    """What test_each_pin_installs_on_every_accepted_python does with soupsieve 4.1.3, which needs 3.11.5."""
    assert spans(excluded(">=3.11.5", accepted_pythons())) == "3.11.0 to 3.11.4"
    assert spans(excluded(">=3.9,<3.14", accepted_pythons())) == "3.14.0 to 3.15.30"
    assert excluded(">=3.10", accepted_pythons()) == [] and excluded(None, accepted_pythons()) == []
    marker = Marker('python_full_version < "3.11.5"')
    assert [v for v in accepted_pythons() if marker.evaluate(environment(v))] == [f"3.11.{p}" for p in range(5)]


# --------------------------------------------------------------------------- the Makefile says what it needs


def fake_python(tmp_path: Path, name: str, version: str | None = None, without: str | None = None) -> Path:
    """An executable that runs this Python, but claims to be `version` or lacks the module `without`."""
    site = tmp_path / f"{name}-site"
    site.mkdir()
    if version:
        info = tuple(int(p) for p in version.split(".")) + ("final", 0)
        (site / "sitecustomize.py").write_text(
            f"import platform, sys\nsys.version_info = {info!r}\nplatform.python_version = lambda: {version!r}\n")
    if without:
        (site / f"{without}.py").write_text(f"raise ImportError('no {without} in this Python')\n")
    exe = tmp_path / name
    exe.write_text(f'#!/bin/sh\nPYTHONPATH={site} exec {sys.executable} "$@"\n')
    exe.chmod(0o755)
    return exe


def make(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    for name in ("Makefile", *REQUIREMENT_FILES):
        shutil.copy(ROOT / name, tmp_path / name)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("target", [".venv/bin/python", ".otter-venv/bin/python"])
def test_make_names_the_python_it_found_and_the_one_it_needs(tmp_path, target):
    old = fake_python(tmp_path, "python3", version="3.10.12")
    proc = make(tmp_path, target, f"PYTHON3={old}")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"is not Python {MINIMUM} or newer: it is Python 3.10.12" in proc.stderr and "PYTHON3=" in proc.stderr
    assert "pip" not in proc.stdout + proc.stderr
    missing = make(tmp_path, target, "PYTHON3=no-such-python3")
    assert missing.returncode == 2 and f"is not Python {MINIMUM} or newer: it did not run as Python" in missing.stderr
    assert not (tmp_path / ".venv").exists() and not (tmp_path / ".otter-venv").exists()


@pytest.mark.parametrize("module", ["ensurepip", "venv"])
def test_make_says_to_install_venv_where_the_python_has_none(tmp_path, module):
    bare = fake_python(tmp_path, "python3", without=module)
    proc = make(tmp_path, "grade", f"PYTHON3={bare}")
    assert proc.returncode == 2 and "cannot make virtual environments" in proc.stderr, proc.stderr
    assert "apt-get install python3-venv" in proc.stderr and "make grade" in proc.stderr
    assert not (tmp_path / ".venv").exists()  # not a .venv without pip, which make would then take as built


def test_make_accepts_the_oldest_accepted_python(tmp_path):
    """The check passes for a Python that claims to be exactly the minimum (and its first release)."""
    oldest = fake_python(tmp_path, "python3", version=f"{MINIMUM}.0")
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    (tmp_path / "Makefile").write_text((ROOT / "Makefile").read_text() + "\nchecked:\n\t$(check-python)\n\t@echo fine\n")
    proc = subprocess.run(["make", "--no-print-directory", "checked", f"PYTHON3={oldest}"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "fine", proc.stdout + proc.stderr


def test_make_marks_the_otter_environment_built_without_touching_the_interpreter(tmp_path):
    """`make` builds .otter-venv once and then takes it as built; the interpreter it came from is left as it was (a
    symlinked bin/python made `touch` change the interpreter's own time, and fail as anyone but root)."""
    python = Path(sys.base_prefix, "bin", f"python{sys.version_info.major}.{sys.version_info.minor}")
    before = python.stat().st_mtime_ns
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for name in ("requirements.txt", "requirements-otter.txt"):  # pip, already there: nothing to fetch
        (tmp_path / name).write_text("pip\n")
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "VIRTUAL_ENV")}
    built = subprocess.run(["make", "--no-print-directory", ".otter-venv/bin/python", f"PYTHON3={python}"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (tmp_path / ".otter-venv" / "bin" / "python").is_symlink()
    assert python.stat().st_mtime_ns == before
    again = subprocess.run(["make", "-q", ".otter-venv/bin/python", f"PYTHON3={python}"], cwd=tmp_path, env=env)
    assert again.returncode == 0  # up to date: not rebuilt on every make test


# --------------------------------------------------------------------------- the Otter zips' setup.sh


def setup_sh(tmp_path: Path, pythons: dict[str, Path]) -> tuple[subprocess.CompletedProcess, Path]:
    """Run setup.sh with only `pythons` (name -> executable) on PATH, and an apt-get that fails (no network)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "chmod"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    for name, exe in pythons.items():
        (bin_dir / name).symlink_to(exe)
    log = tmp_path / "apt.log"
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {log}\necho "E: no network here" >&2\nexit 100\n')
    (bin_dir / "apt-get").chmod(0o755)
    env = {"PATH": str(bin_dir), "GD_VENV": str(tmp_path / "venv"), "HOME": str(tmp_path)}
    proc = subprocess.run(["/bin/bash", str(SETUP_SH)], env=env, capture_output=True, text=True, timeout=60)
    return proc, log


def test_setup_sh_names_what_it_needs_when_it_finds_no_python(tmp_path):
    old = fake_python(tmp_path, "python-old", version="3.10.12")
    proc, log = setup_sh(tmp_path, {"python3": old})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.startswith(f"setup.sh: needs Python {MINIMUM} or newer"), proc.stdout
    assert "python3 here is 3.10.12" in proc.stdout and "installing" in proc.stdout
    assert f"could not find or install Python {MINIMUM} or newer" in proc.stderr and "Ubuntu" in proc.stderr
    assert log.read_text().startswith("update")  # it tried apt-get, and said so, before giving up
    assert not (tmp_path / "venv").exists()


def test_setup_sh_takes_a_newer_python_over_an_old_python3(tmp_path):
    """Debian 12's 3.11.2 or Ubuntu 22.04's python3.11 beside an old python3: taken, and apt-get never runs."""
    old = fake_python(tmp_path, "python-old", version="3.10.12")
    oldest = fake_python(tmp_path, "python-oldest", version=f"{MINIMUM}.0")
    stop = tmp_path / "python-stop"  # answers every check, then stops where setup.sh would make the venv
    stop.write_text(f'#!/bin/sh\n[ "$1" = -m ] && {{ echo "stopped at -m $2" >&2; exit 3; }}\nexec {oldest} "$@"\n')
    stop.chmod(0o755)
    proc, log = setup_sh(tmp_path, {"python3": old, f"python{MINIMUM}": stop})
    assert f"setup.sh: using {tmp_path / 'bin' / f'python{MINIMUM}'}" in proc.stdout, proc.stdout + proc.stderr
    assert "stopped at -m venv" in proc.stderr and proc.returncode == 3
    assert not log.exists()


# --------------------------------------------------------------------------- .ci/run


def ci_run(tmp_path: Path, make_exit: int, *runs: str, **env: str) -> subprocess.CompletedProcess:
    """.ci/run in a copy of the checkout's layout, with a `make` that only exits with `make_exit`."""
    (tmp_path / ".ci").mkdir(parents=True)
    shutil.copy(CI_RUN, tmp_path / ".ci" / "run")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    closing = "2 passed, 1 skipped" if make_exit == 0 else "1 failed, 1 passed"
    (bin_dir / "make").write_text(f'#!/bin/sh\necho "make $*"\necho "===== {closing} in 0.12s ====="\nexit {make_exit}\n')
    (bin_dir / "make").chmod(0o755)
    environ = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", **env}
    return subprocess.run(["bash", str(tmp_path / ".ci" / "run"), *runs], cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=60)


def test_ci_run_fails_when_a_run_fails_and_says_which(tmp_path):
    passed = ci_run(tmp_path / "a", 0, "default")
    assert passed.returncode == 0 and "make test" in passed.stdout, passed.stdout + passed.stderr
    assert re.search(r"^\.ci/run default: passed in \d+ s$", passed.stdout, re.M)
    assert passed.stdout.endswith("\ntests: 2 passed, 0 failed, 1 skipped\n")
    failed = ci_run(tmp_path / "b", 1, "default")
    assert failed.returncode == 1 and re.search(r"^\.ci/run default: FAILED \(exit 1\)", failed.stdout, re.M)
    assert failed.stdout.endswith("\ntests: 1 passed, 1 failed, 0 skipped\n")
    # the oldest-Python run fails, and says what to do, where that Python is missing; the default run still runs,
    # and the failed run counts as a failure in the total though no test of it ran
    both = ci_run(tmp_path / "c", 0, **{"GD_CI_OLDEST_PYTHON": str(tmp_path / "no-python3")})
    assert both.returncode == 1 and "the oldest Python to test with, is missing" in both.stdout
    assert re.search(r"^\.ci/run default: passed", both.stdout, re.M)
    assert re.search(r"^\.ci/run oldest: FAILED \(exit 2\)", both.stdout, re.M)
    assert both.stdout.endswith("\ntests: 2 passed, 1 failed, 1 skipped\n")
    unknown = ci_run(tmp_path / "d", 0, "default", "everything")
    assert unknown.returncode == 2 and "unknown run" in unknown.stderr and "make test" not in unknown.stdout
