"""What this machine lets the sandbox do: detected once, each capability switchable off, said in one line.

| capability   | what the child gets                                              | without it                                  |
|--------------|------------------------------------------------------------------|---------------------------------------------|
| landlock     | reads only the interpreter and its module; no writes, exec, TCP, | files protected by permissions only         |
|              | or signals out (Linux 5.13+)                                     |                                             |
| root         | when grading as root, the child drops to `nobody`                | the child runs as the grading user          |
| prctl        | zygote and children die with the grader; orphans come back to    | the zygote stops when its socket closes; a  |
|              | the zygote, which kills them (Linux)                             | session's processes die by process group    |
| proc         | /proc: exact memory base, process count, the zygote's children, | estimates; orphans outside the group linger;|
|              | and a call's own time (not its wait for a CPU, see clock.py)     | time limits count wall time                 |
| rlimit_as    | a memory limit on the address space                              | no memory limit                             |
| rlimit_nproc | a limit on processes                                             | no process limit                            |
| seccomp      | no sockets of its own (so no UDP, raw or IPv6 network), no       | Landlock's TCP rule is the only network     |
|              | ptrace (Linux on x86-64 or arm64; see seccomp.py)                | rule                                        |

`GD_SANDBOX_DISABLE=landlock,prctl,...` (or `all`) switches capabilities off, so that the degraded paths can be
tested on a machine that has everything. Standard library only: the zygote imports this before numpy.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

SWITCH = "GD_SANDBOX_DISABLE"
ALLOW_INSECURE = "GD_ALLOW_INSECURE"
NAMES = ("landlock", "root", "prctl", "proc", "rlimit_as", "rlimit_nproc", "seccomp")
WITHOUT = {
    "landlock": "files protected by permissions only",
    "prctl": "the sandbox may outlive a killed grader",
    "proc": "processes that leave their group may outlive a test, and time limits count wall time",
    "rlimit_as": "no memory limit",
    "rlimit_nproc": "no process limit",
    "seccomp": "the network is open to UDP and other sockets",
}


def disabled_from(environ=os.environ) -> frozenset[str]:
    """The capabilities switched off in `environ`; a name that is not a capability is an error that says which exist."""
    raw = environ.get(SWITCH, "")
    names = {name.strip() for name in raw.split(",") if name.strip()}
    if "all" in names:
        return frozenset(NAMES)
    unknown = names - set(NAMES)
    if unknown:
        raise ValueError(f"{SWITCH}={raw!r}: unknown capability {', '.join(sorted(unknown))}; "
                         f"use any of {', '.join(NAMES)}, or all")
    return frozenset(names)


def insecure_allowed(environ=os.environ) -> bool:
    return environ.get(ALLOW_INSECURE, "") == "1"


@dataclass(frozen=True)
class Capabilities:
    landlock_abi: int   # 0: none
    root: bool          # grading as root, and allowed to drop the child to nobody
    prctl: bool
    proc: bool
    rlimit_as: bool
    rlimit_nproc: bool
    seccomp: bool = False
    disabled: frozenset = frozenset()
    missing: frozenset = frozenset()  # not offered by this machine (as opposed to switched off)

    @classmethod
    def detect(cls, disabled: frozenset = frozenset()) -> "Capabilities":
        from autograder.sandbox import landlock, seccomp

        offered = {
            "landlock": landlock.abi_version(),
            "root": os.geteuid() == 0,
            "prctl": sys.platform.startswith("linux"),
            "proc": os.path.isdir("/proc/self/task"),
            "rlimit_as": _settable("RLIMIT_AS"),
            "rlimit_nproc": _settable("RLIMIT_NPROC"),
            "seccomp": seccomp.available(),
        }
        values = {name: (value if name not in disabled else type(value)()) for name, value in offered.items()}
        missing = frozenset(name for name, value in offered.items() if not value and name != "root")
        return cls(landlock_abi=values.pop("landlock"), disabled=frozenset(disabled), missing=missing, **values)

    def has(self, name: str) -> bool:
        return bool(self.landlock_abi if name == "landlock" else getattr(self, name))

    def shortfalls(self) -> list[str]:
        """One phrase per capability not in force, saying why ("not available" or "switched off")."""
        out = []
        for name in NAMES:
            if name == "root" or self.has(name):
                continue
            why = "switched off" if name in self.disabled else "not available"
            out.append(f"{WITHOUT[name]} ({name} {why})")
        if "root" in self.disabled:
            out.append("the child runs as the grading user (root switched off)")
        return out

    def summary(self) -> str:
        """One line: what protects the grader from the submission here."""
        parts = [f"Landlock ABI {self.landlock_abi}" if self.landlock_abi else "no Landlock"]
        parts.append("child runs as nobody" if self.root else "child runs as the grading user")
        if self.seccomp:
            parts.append("no network")
        else:
            parts.append("network: TCP closed, other sockets open" if self.landlock_abi >= 4 else "network open")
        limits = ["time", "output"] + (["memory"] if self.rlimit_as else []) + (["processes"] if self.rlimit_nproc else [])
        parts.append("limits on " + ", ".join(limits))
        return "sandbox: " + "; ".join(parts)

    def to_args(self) -> str:
        """The switched-off names, for the zygote's command line."""
        return ",".join(sorted(self.disabled)) or "-"

    @staticmethod
    def from_args(text: str) -> frozenset:
        return frozenset() if text == "-" else frozenset(text.split(","))


def _settable(name: str) -> bool:
    import resource

    which = getattr(resource, name, None)
    if which is None:
        return False
    try:
        resource.setrlimit(which, resource.getrlimit(which))
        return True
    except (ValueError, OSError):
        return False

