"""Compute, draw and save each figure; a figure that cannot be drawn is one printed line, and the others go on."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from pathlib import Path

from autograder.catalogue import ROOT
from autograder.plots import style
from autograder.plots.sources import LocalSource, SandboxSource, Skip
from autograder.sandbox.protection import Refused
from autograder.text import inert, inert_name


class Unavailable(RuntimeError):
    """The sandbox cannot run here (see autograder/sandbox/protection.py); nothing was drawn."""


def reference_path(spec, root: Path = ROOT) -> Path:
    """Where the handout's copy of a figure lives: assignments/<folder>/figures/<name>.png."""
    return Path(root, "assignments", spec.folder, "figures", spec.filename)


def reference(specs, out: str | None = None):
    """Draw from the reference solutions, imported here; into the handouts' folders, or below `out`."""
    from autograder.plugin import GradingContext

    context = GradingContext(str(Path(ROOT, "solutions")))
    try:
        return _draw_all(specs, lambda spec: LocalSource(context.reference(spec.folder)),
                         lambda spec: Path(out, spec.folder, spec.filename) if out else reference_path(spec))
    finally:
        context.close()


def submission(specs, folder: str, out: str):
    """Draw from a submission's modules, each figure with its own sandboxed child, below `out`."""
    from autograder.plugin import GradingContext

    context = GradingContext(folder)
    try:
        return _draw_all(specs, lambda spec: SandboxSource(context, spec.folder),
                         lambda spec: Path(out, spec.folder, spec.filename))
    finally:
        context.close()


def _draw_all(specs, source_for, path_for):
    """Compute every figure's data here, one after the other (a sandbox serves one caller), then draw and save them
    on every core: rendering is most of the time. Returns the paths drawn, and {figure name: the line that says why
    it was skipped}."""
    jobs, skipped, whole = [], {}, {}
    for spec in specs:
        if spec.folder in whole:
            skipped[spec.name] = _note(spec, whole[spec.folder])
            continue
        source = source_for(spec)
        try:
            jobs.append((spec, spec.compute(source), path_for(spec)))
        except Skip as skip:
            if skip.whole:
                whole[spec.folder] = skip.reason
            skipped[spec.name] = _note(spec, skip.reason)
        except Refused as exc:  # this machine cannot keep the solutions from a submission: nothing will draw
            raise Unavailable(str(exc)) from None
        except RuntimeError as exc:  # the sandbox could not start (client.Sandbox says so in these words)
            if str(exc).startswith("the sandbox"):
                raise Unavailable(str(exc)) from None
            raise
        finally:
            source.close()
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        style.warm_up()
        context = multiprocessing.get_context("fork")  # the children start with matplotlib already imported
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            list(pool.map(_render, jobs))
    else:
        for job in jobs:
            _render(job)
    for spec, _, path in jobs:
        print(f"{spec.short}: drew {spec.title}: {_shown(path)}")
    return [path for _, _, path in jobs], skipped


def _render(job) -> None:
    spec, data, path = job
    style.save(spec.draw(data), path)


def _note(spec, reason: str) -> str:
    line = inert(f"{spec.short}: {spec.title} skipped: {reason}")  # the reason may quote the submission's text
    print(line)
    return line


def _shown(path: Path) -> str:
    try:
        return inert_name(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return inert_name(path)
