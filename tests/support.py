"""Helpers for the repository's own tests: grade a module file or a folder the way `make grade` does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from autograder.packaging.banks import MARKERS, bank_source  # noqa: F401  (tests import them from here)

ROOT = Path(__file__).resolve().parent.parent
BANKS = ROOT / "tests" / "banks"


def grade_dir(submission, only=(), suites="public,hidden", timeout=600) -> dict:
    """Run `python -m autograder grade` in a subprocess; return results.json as a dict (plus the exit code)."""
    with tempfile.TemporaryDirectory() as tmp:
        results = os.path.join(tmp, "results.json")
        cmd = [sys.executable, "-m", "autograder", "grade", "--submission", str(submission),
               "--results", results, "--suites", suites, "--quiet"]
        for folder in only:
            cmd += ["--only", folder]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        if not os.path.exists(results):
            raise AssertionError(f"grading wrote no results (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        data = json.loads(Path(results).read_text())
        data["exit_code"] = proc.returncode
        data["stderr"] = proc.stderr
        return data


def grade_module_source(source: str, folder: str, module: str) -> dict:
    """Grade module source text as the submission for `folder`."""
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, folder))
        Path(tmp, folder, f"{module}.py").write_text(source, encoding="utf-8")
        return grade_dir(tmp, only=[folder])


def grade_many(jobs: dict, workers=None) -> dict:
    """jobs: key -> zero-argument callable; run them on all cores; key -> result."""
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        futures = {key: pool.submit(fn) for key, fn in jobs.items()}
        return {key: f.result() for key, f in futures.items()}


def summary(results: dict) -> str:
    return "\n".join(f"  {t['score']:g}/{t['max_score']:g} {t['tags'][0]:<16} {t['name']}: {t['output'][:200]}"
                     for t in results["tests"])
