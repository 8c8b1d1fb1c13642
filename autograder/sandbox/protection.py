"""Whether this machine can keep the solutions and hidden tests from a submission, and the lines that say how.

Where the engine holds secrets (an instructor's checkout, a Gradescope container), the child must not be able
to read them: Landlock confines it where the kernel offers it; otherwise, as root, the child runs as `nobody` and
the secret folders are made unreadable to other users (`chmod o=`, what Gradescope recommends); otherwise
grading is refused, unless the instructor sets GD_ALLOW_INSECURE=1. A student's copy holds no secrets: it is
graded with whatever the machine offers, and says so when that is less than everything.

As root, the child must also reach the interpreter's own folders as `nobody`: on Linux the zygote hands them over
through descriptors (interpreter.py); where that cannot be done and `nobody` cannot read them, grading is refused
with the fix, since every correct submission that imports a standard module would otherwise fail.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from autograder.sandbox import interpreter
from autograder.sandbox.capabilities import ALLOW_INSECURE, Capabilities

SECRET_FOLDERS = ("solutions", "autograder/hidden")  # catalogue.LAYOUT's instructor-only files that grading reads


class Refused(RuntimeError):
    """Grading here would let the submission read the solutions or hidden tests."""


@dataclass
class Protection:
    summary: str                                  # one line, always: what confines the child here
    notes: list[str] = field(default_factory=list)  # one line each: what is less than full, what was done about it


def secure(caps: Capabilities, root: str | Path, allow_insecure: bool = False) -> Protection:
    """Decide, before any submitted code runs, whether grading may go ahead; lock the secrets when that is needed."""
    if caps.root and not interpreter.can_hand_over():
        private = interpreter.unreachable(interpreter.search_folders(exclude=str(Path(root).resolve())))
        if private:
            raise Refused(f"refusing to grade: the child runs as nobody, who cannot read {private[0]}, where this "
                          "Python keeps its modules, and this system has no /proc to hand the folder over. Grade with "
                          "a Python every user can read (for example a virtual environment made from /usr/bin/python3 "
                          "in a folder outside any private home), or make that folder and the ones above it "
                          "readable to others (chmod o+rx).")
    protection = Protection(caps.summary())
    shortfalls = caps.shortfalls()
    if shortfalls:
        protection.notes.append("sandbox: " + "; ".join(shortfalls))
    secrets = [Path(root, folder) for folder in SECRET_FOLDERS if Path(root, folder).is_dir()]
    if not secrets or caps.landlock_abi:
        return protection
    if caps.root:
        for folder in secrets:
            folder.chmod(stat.S_IMODE(folder.stat().st_mode) & ~0o007)
        protection.notes.append("solutions and hidden tests made unreadable to other users (chmod o=): "
                                "the child runs as nobody")
        return protection
    if allow_insecure:
        protection.notes.append(f"INSECURE: the submission could read the solutions and hidden tests ({ALLOW_INSECURE}=1)")
        return protection
    raise Refused("refusing to grade: this copy holds solutions and hidden tests, and with neither Landlock nor root "
                  "the submission could read them. Grade as root (the child then runs as nobody), on Linux 5.13 or "
                  f"newer with Landlock, or set {ALLOW_INSECURE}=1 if you trust every submission graded here.")

