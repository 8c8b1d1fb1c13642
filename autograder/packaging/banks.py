"""The banks of wrong and right implementations (tests/banks/aNN_topic/{wrong,right}_*.py), as sources and as grades.

`bank_source` turns a bank file into the module it stands for; `grade_banks` grades a set of them in parallel,
one `python -m autograder grade` subprocess per bank, and says which ones break their promise: a `wrong_*.py`
must lose points, a `right_*.py` must keep every point, and neither may make the grader itself fail.
`make test` (tests/test_banks.py) and the release's banks gate both use this module.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from autograder.catalogue import CATALOGUE, ROOT, Assignment

MARKERS = ("# BEGIN SOLUTION", "# END SOLUTION")
GRADE_TIMEOUT = 600  # seconds for one bank; grading one assignment takes about a second


def bank_source(bank: Path, solution: Path) -> str:
    """The module a bank file stands for.

    A bank file is either a complete module, or a mutant: a docstring saying what is wrong and a list
    `MUTATIONS` of (old, new) texts. A mutant is the solution, without its BEGIN/END SOLUTION lines, with each
    old text (which must occur exactly once) replaced by its new text; so it follows the solution's edits and
    fails loudly when the code it mutates is gone.
    """
    text = bank.read_text(encoding="utf-8")
    mutations = next((ast.literal_eval(node.value) for node in ast.parse(text).body
                      if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["MUTATIONS"]),
                     None)
    if mutations is None:
        return text
    source = "".join(line for line in solution.read_text(encoding="utf-8").splitlines(keepends=True)
                     if line.strip() not in MARKERS)
    for old, new in mutations:
        found = source.count(old)
        if found != 1:
            raise AssertionError(f"{bank.name}: a mutation matches {found} places in {solution.name}, not 1:\n{old}")
        source = source.replace(old, new)
    return source


def describe(bank: Path) -> str:
    """The first line of a bank file's docstring: what is wrong with it, or how it is written differently."""
    try:
        doc = ast.get_docstring(ast.parse(bank.read_text(encoding="utf-8")))
    except SyntaxError:
        doc = None
    return (doc or "(no docstring)").splitlines()[0]


@dataclass(frozen=True)
class BankResult:
    """How one bank file fared: its score, and `problem`, a sentence when it broke its promise (else None)."""

    bank: Path
    score: float
    max_score: float
    problem: str | None


def grade_source(source: str, assignment: Assignment, root: Path = ROOT, timeout: float = GRADE_TIMEOUT) -> dict:
    """Grade module source text as the submission for `assignment` with the engine of `root`; return results.json
    as a dict, plus `exit_code` and `stderr`. Raises AssertionError when grading wrote no results."""
    with tempfile.TemporaryDirectory(prefix="gd-bank-") as tmp:
        Path(tmp, assignment.folder).mkdir()
        assignment.submitted(tmp).write_text(source, encoding="utf-8")
        results = Path(tmp, "results.json")
        proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--submission", tmp, "--only",
                               assignment.folder, "--results", str(results), "--quiet"],
                              cwd=root, capture_output=True, text=True, timeout=timeout)
        if not results.exists():
            raise AssertionError(f"grading wrote no results (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        data = json.loads(results.read_text(encoding="utf-8"))
    data["exit_code"] = proc.returncode
    data["stderr"] = proc.stderr
    return data


def judge(bank: Path, results: dict) -> str | None:
    """None when `bank` kept its promise in `results`; otherwise what went wrong and what to do about it."""
    score, top = results["score"], results["max_score"]
    errors = [t["name"] for t in results["tests"] if t.get("tags", [""])[0] == "grader error"]
    if results["exit_code"] != 0 or errors:
        return (f"the grader itself failed on it (exit {results['exit_code']}, grader errors: {', '.join(errors) or 'none'}): "
                f"{results['stderr'].strip()[-300:]}; fix the suite")
    if bank.stem.startswith("wrong_") and score >= top:
        return (f"kept full marks ({score:g}/{top:g}) but is a wrong implementation ({describe(bank)}): "
                "add a test that catches it, or rename it right_*.py if it is in fact correct")
    if bank.stem.startswith("right_") and score < top:
        lost = [t["name"] for t in results["tests"] if t["score"] < t["max_score"]]
        return (f"lost points ({score:g}/{top:g}) but is a correct implementation ({describe(bank)}); "
                f"failed: {'; '.join(lost[:3])}: fix the test that rejects it, or the bank")
    return None


def all_banks(root: Path = ROOT, folders: Iterable[str] | None = None) -> list[tuple[Assignment, Path]]:
    """(assignment, bank file) for every bank of the catalogue's assignments (or of `folders`), in order."""
    wanted = set(folders) if folders is not None else None
    return [(a, bank) for a in CATALOGUE if wanted is None or a.folder in wanted for bank in a.banks(root)]


def grade_banks(root: Path = ROOT, folders: Iterable[str] | None = None, workers: int | None = None,
                progress: Callable[[int, int], None] | None = None) -> list[BankResult]:
    """Grade every bank of `root` (or of `folders`) on `workers` threads, each running one grading subprocess;
    call `progress(done, total)` as banks finish; return one BankResult per bank, in catalogue order."""
    banks = all_banks(root, folders)

    def one(assignment: Assignment, bank: Path) -> BankResult:
        try:
            source = bank_source(bank, assignment.solution(root))
            results = grade_source(source, assignment, root)
        except (AssertionError, SyntaxError, ValueError, subprocess.TimeoutExpired) as exc:
            return BankResult(bank, 0.0, 0.0, f"could not be graded: {str(exc).strip()[:300]}")
        return BankResult(bank, results["score"], results["max_score"], judge(bank, results))

    done: dict[Path, BankResult] = {}
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        futures = [pool.submit(one, a, bank) for a, bank in banks]
        for future in as_completed(futures):
            result = future.result()
            done[result.bank] = result
            if progress:
                progress(len(done), len(banks))
    return [done[bank] for _, bank in banks]
