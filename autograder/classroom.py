"""What `make bench` grades a class on: a generated class with a realistic mix, and the memory of a process tree.

`generate(dest, size, seed)` writes one folder per student, laid out like assignments/, every assignment of the
catalogue each:
- 60% correct: the reference solutions;
- 25% with one plausible bug: one assignment's module is a wrong bank (tests/banks), the rest correct;
- 10% stubs: nothing written yet;
- 5% broken or hostile: a01 is a case of the hostile corpus (tests/hostile), the rest correct.
The mix and every choice come from `seed`, so a rerun grades the same class.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import threading
import time
from pathlib import Path

from autograder.catalogue import CATALOGUE, ROOT
from autograder.packaging.banks import bank_source

MIX = (("correct", 0.60), ("one bug", 0.25), ("stub", 0.10), ("hostile", 0.05))
HOSTILE = ROOT / "tests" / "hostile"


def generate(dest: Path, size: int, seed: int = 0) -> dict[str, str]:
    """Write the class into `dest` (which must not exist); return {student: what they submitted}."""
    rng = random.Random(seed)
    counts = [round(share * size) for _, share in MIX]
    counts[0] += size - sum(counts)
    kinds = [kind for (kind, _), n in zip(MIX, counts) for _ in range(n)]
    rng.shuffle(kinds)
    banks = [(a, bank) for a in CATALOGUE for bank in a.banks() if bank.stem.startswith("wrong_")]
    cases = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())
    dest.mkdir(parents=True)
    what = {}
    for number, kind in enumerate(kinds, 1):
        student = dest / f"student{number:04d}"
        if kind == "stub":
            _write_all(student, lambda a: a.stub().read_bytes())
            what[student.name] = kind
        elif kind == "one bug":
            buggy, bank = rng.choice(banks)
            source = bank_source(bank, buggy.solution()).encode()
            _write_all(student, lambda a: source if a is buggy else a.solution().read_bytes())
            what[student.name] = f"{kind}: {buggy.folder}/{bank.name}"
        elif kind == "hostile":
            case = rng.choice(cases)
            shutil.copytree(HOSTILE / case, student)
            _write_all(student, lambda a: a.solution().read_bytes(), keep_existing=True)
            what[student.name] = f"{kind}: {case}"
        else:
            _write_all(student, lambda a: a.solution().read_bytes())
            what[student.name] = kind
    (dest.parent / f"{dest.name}.json").write_text(json.dumps(what, indent=1) + "\n")
    return what


def _write_all(student: Path, source, keep_existing: bool = False) -> None:
    for assignment in CATALOGUE:
        target = student / assignment.folder / assignment.filename
        if keep_existing and target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source(assignment))


class TreeMemory:
    """Samples, in a thread, the memory of a process and all its descendants, in bytes.

    PSS (proportional set size) counts a page shared by n processes as 1/n in each, so the sum over the tree is
    what the tree really holds; the RSS sum counts shared pages once per process and overstates it. The grader's
    own share (`peak_grader_pss`) is the process and its children: for grade-all, the warm process, its grader
    processes and its zygotes. Below them are the sandboxed tests, each held to its own memory limit.
    """

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval = pid, interval
        self.peak_pss = self.peak_rss = self.peak_grader_pss = self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pss = rss = grader = 0
            tree = _tree(self.pid)
            for pid, depth in tree:
                fields = _rollup(pid)
                pss += fields.get("Pss", 0)
                rss += fields.get("Rss", 0)
                grader += fields.get("Pss", 0) if depth <= 1 else 0
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            self.peak_grader_pss = max(self.peak_grader_pss, grader)
            self.peak_processes = max(self.peak_processes, len(tree))
            time.sleep(self.interval)


def _tree(root: int) -> list[tuple[int, int]]:
    """(pid, depth below `root`) for `root` and every descendant."""
    out, todo = [], [(root, 0)]
    while todo:
        pid, depth = todo.pop()
        out.append((pid, depth))
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    todo.extend((int(child), depth + 1) for child in fh.read().split())
        except OSError:
            pass
    return out


def _rollup(pid: int) -> dict[str, int]:
    """Rss and Pss of one process in bytes (empty if it has gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return {}
    fields = {}
    for line in lines:
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss") and rest.strip().endswith("kB"):
            fields[name] = int(rest.split()[0]) * 1024
    return fields
