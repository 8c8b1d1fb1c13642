"""Landlock (Linux >= 5.13) through raw system calls: read-only paths, no TCP, no signals out.

`restrict(read_paths)` confines the calling process and its future children:
- files may be read (and directories listed) only beneath `read_paths`; /dev/null may also be written;
  nothing else may be written, created, removed or executed;
- with ABI >= 4, TCP bind and connect are denied;
- with ABI >= 6, signals and abstract unix sockets cannot reach processes outside the sandbox.
It returns the ABI it enforced, or 0 where the kernel has no Landlock. The calling process needs
no privilege; it sets no_new_privs first, as the kernel requires.
"""

from __future__ import annotations

import ctypes
import os
import sys

from autograder.sandbox.protocol import libc as _libc

SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446  # the same on every architecture
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1


class RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]


class PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def abi_version() -> int:
    """The Landlock ABI this kernel offers, 0 when it has none (or this is not Linux)."""
    if not sys.platform.startswith("linux"):
        return 0
    abi = _syscall(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(CREATE_RULESET_VERSION))
    return max(int(abi), 0)


def restrict(read_paths, *, abi: int | None = None) -> int:
    """Confine this process (see module docstring). Returns the enforced ABI, 0 if unavailable."""
    abi = abi_version() if abi is None else abi
    if abi <= 0:
        return 0
    ruleset = Ruleset(read_paths, abi)
    ruleset.enforce()
    return abi


class Ruleset:
    """A ruleset built in two steps, so that a child can build the part every test shares before its request
    arrives: `Ruleset(read_paths, abi)` (with /dev/null writable), `allow_read(path)`, then `enforce()`.
    `fd` is the ruleset's descriptor, to keep open until then."""

    def __init__(self, read_paths, abi: int):
        self.abi = abi
        attr = RulesetAttr(FS_BY_ABI.get(abi, FS_BY_ABI[5]), NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0,
                           SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0)
        size = 8 if abi < 4 else 16 if abi < 6 else 24
        self.fd = _syscall(SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
        try:
            for path in read_paths:
                self.allow_read(path)
            self._allow("/dev/null", READ_FILE | WRITE_FILE)
        except BaseException:
            os.close(self.fd)
            raise

    def allow_read(self, path: str) -> None:
        self._allow(path, READ_FILE | READ_DIR)

    def enforce(self) -> None:
        """Restrict this process (and its future children) to the rules; the ruleset is closed either way."""
        try:
            if _libc().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
            if _syscall(SYS_RESTRICT_SELF, ctypes.c_int(self.fd), ctypes.c_uint32(0)) != 0:
                raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
        finally:
            os.close(self.fd)

    def _allow(self, path: str, access: int) -> None:
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            return  # a path that does not exist needs no rule
        try:
            if not os.path.isdir(path):
                access &= READ_FILE | WRITE_FILE | EXECUTE
            rule = PathBeneathAttr(access, fd)
            if _syscall(SYS_ADD_RULE, ctypes.c_int(self.fd), ctypes.c_int(RULE_PATH_BENEATH), ctypes.byref(rule),
                        ctypes.c_uint32(0)) != 0:
                raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
        finally:
            os.close(fd)


def _syscall(number: int, *args) -> int:
    libc = _libc()
    libc.syscall.restype = ctypes.c_long
    return libc.syscall(ctypes.c_long(number), *args)
