"""The interpreter's own folders, kept within reach of a child that runs as another user.

When grading as root, each child drops to `nobody` before the submission runs. An interpreter installed in a
private home (pyenv or conda under /root, a virtual environment in a checkout under /root) is then out of reach:
`nobody` may not pass through /root, so `import statistics` fails unless the module was imported before the drop.

The zygote, still root, opens each folder the import system searches (sys.path, and the folders of packages
already imported) as an O_PATH descriptor, and points the import system at `/proc/self/fd/N` instead. A lookup
that starts at one's own descriptor does not pass through /root again, so every child it forks (which inherits
the descriptors) imports whatever the standard library and site-packages hold, as `nobody`, still confined by
Landlock to those same folders. The descriptors grant nothing else: an O_PATH descriptor reads nothing by itself,
and a way out through `..` still meets /root's own permissions.

Where a system has no /proc (macOS run as root), `unreachable` names the folders `nobody` cannot read, and
grading is refused with a way to fix it (see `protection`).

Standard library only: the zygote uses this before numpy.
"""

from __future__ import annotations

import os
import stat
import sys

FD_FOLDER = "/proc/self/fd"


def search_folders(exclude: str) -> list[str]:
    """The folders the import system searches (sys.path entries that are folders), but `exclude` (the engine's
    own root, which no child may search)."""
    seen = []
    for entry in sys.path:
        if entry and os.path.isdir(entry) and os.path.abspath(entry) != exclude and entry not in seen:
            seen.append(entry)
    return seen


def can_hand_over() -> bool:
    """True when a process can reach a folder through its own descriptors (Linux with /proc mounted)."""
    try:
        fd = os.open("/", os.O_PATH if hasattr(os, "O_PATH") else os.O_RDONLY)
    except OSError:
        return False
    try:
        return os.path.isdir(f"{FD_FOLDER}/{fd}")
    finally:
        os.close(fd)


def hand_over(folders: list[str]) -> tuple[int, ...]:
    """Open each folder as a descriptor and make the import system find modules through it: sys.path, and the
    search path of every package imported so far. Returns the descriptors, which every child must keep open."""
    by_folder = {}
    for folder in folders:
        real = os.path.realpath(folder)
        if real not in by_folder:
            by_folder[real] = os.open(real, os.O_PATH | os.O_DIRECTORY)
    moved = {real: f"{FD_FOLDER}/{fd}" for real, fd in by_folder.items()}

    def through_fd(path: str) -> str:
        real = os.path.realpath(path)
        for folder in sorted(moved, key=len, reverse=True):  # the deepest folder that holds it
            if real == folder or real.startswith(folder + os.sep):
                return moved[folder] + real[len(folder):]
        return path

    sys.path[:] = [through_fd(entry) if entry in folders else entry for entry in sys.path]
    for module in list(sys.modules.values()):
        search = getattr(module, "__path__", None)
        if type(search) is list:  # a regular package; namespace packages recompute theirs from sys.path
            search[:] = [through_fd(entry) for entry in search]
    sys.path_importer_cache.clear()
    return tuple(by_folder.values())


def unreachable(folders, uid: int = 65534) -> list[str]:
    """The folders that a user who owns none of them and shares none of their groups cannot list and read: each
    folder needs r-x for others, and every folder above it --x."""
    out = []
    for folder in folders:
        path = os.path.realpath(folder)
        chain = [path, *_parents(path)]
        try:
            modes = [os.stat(p) for p in chain]
        except OSError:
            out.append(folder)
            continue
        ok = _allows(modes[0], uid, stat.S_IROTH | stat.S_IXOTH) and all(_allows(m, uid, stat.S_IXOTH) for m in modes[1:])
        if not ok:
            out.append(folder)
    return out


def _parents(path: str) -> list[str]:
    parents = []
    while True:
        parent = os.path.dirname(path)
        if parent == path:
            return parents
        parents.append(parent)
        path = parent


def _allows(st: os.stat_result, uid: int, bits: int) -> bool:
    if st.st_uid == uid:
        return True
    return st.st_mode & bits == bits
