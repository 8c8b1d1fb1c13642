"""A seccomp filter that leaves the child no network and no window into other processes (Linux, x86-64 and arm64).

Landlock closes TCP only; a submission could still send what it is called with as UDP datagrams, or through a raw,
IPv6 or netlink socket, or a UNIX socket to a system daemon. The child needs no socket of its own: its one channel
to the grader is a socket pair made before it was forked. So the filter refuses, with EPERM:

| system call                                   | why                                                            |
|-----------------------------------------------|----------------------------------------------------------------|
| socket (every family)                         | no network of any kind, no UNIX socket to a daemon             |
| socketpair, unless AF_UNIX                    | a connected pair within the sandbox reaches nothing outside    |
| io_uring_setup, io_uring_enter, _register     | io_uring can open sockets without the socket system call       |
| ptrace, process_vm_readv/writev, pidfd_getfd  | no reading or changing another process, whatever the user      |
| any call of another ABI (x32, 32-bit)         | its numbers differ, so the filter would not see through them   |

Everything else is allowed. The zygote installs it once (`install(program())`, after no_new_privs), before it forks
any child: every child inherits it, and so does everything a child starts. The zygote needs none of what it
refuses (its sockets to the grader and to each child are socket pairs).

Standard library only: the zygote imports this before numpy.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import struct
import sys

PR_SET_NO_NEW_PRIVS, PR_GET_SECCOMP, PR_SET_SECCOMP = 38, 21, 22
SECCOMP_MODE_FILTER = 2
RET_ALLOW, RET_ERRNO = 0x7FFF0000, 0x00050000
LD_W_ABS, JEQ_K, JGE_K, RET_K = 0x20, 0x15, 0x35, 0x06  # BPF opcodes
NR, ARCH, ARG0 = 0, 4, 16  # offsets in struct seccomp_data (ARG0: the low 32 bits on little-endian machines)
AF_UNIX = 1
X32_BIT = 0x40000000

# machine -> (AUDIT_ARCH_*, {name: number})
SYSCALLS = {
    "x86_64": (0xC000003E, {"socket": 41, "socketpair": 53, "ptrace": 101, "process_vm_readv": 310,
                            "process_vm_writev": 311, "io_uring_setup": 425, "io_uring_enter": 426,
                            "io_uring_register": 427, "pidfd_getfd": 438}),
    "aarch64": (0xC00000B7, {"socket": 198, "socketpair": 199, "ptrace": 117, "process_vm_readv": 270,
                             "process_vm_writev": 271, "io_uring_setup": 425, "io_uring_enter": 426,
                             "io_uring_register": 427, "pidfd_getfd": 438}),
}
SYSCALLS["amd64"], SYSCALLS["arm64"] = SYSCALLS["x86_64"], SYSCALLS["aarch64"]
REFUSED = ("socket", "io_uring_setup", "io_uring_enter", "io_uring_register", "ptrace", "process_vm_readv",
           "process_vm_writev", "pidfd_getfd")


class _Fprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def available() -> bool:
    """True on Linux, on a machine this filter knows, where the kernel has seccomp filters."""
    if not sys.platform.startswith("linux") or _machine() not in SYSCALLS or sys.byteorder != "little":
        return False
    from autograder.sandbox.protocol import libc

    return libc().prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 0


def program() -> bytes:
    """The filter as raw BPF instructions (struct sock_filter[]), for this machine."""
    arch, numbers = SYSCALLS[_machine()]
    deny = RET_ERRNO | errno.EPERM
    code: list[tuple[int, int, int, int]] = []

    def op(kind, k, jt=0, jf=0):
        code.append((kind, jt, jf, k))

    op(LD_W_ABS, ARCH)
    op(JEQ_K, arch, 1, 0)                # this machine's ABI: go on
    op(RET_K, RET_ERRNO | errno.ENOSYS)  # another ABI: nothing
    op(LD_W_ABS, NR)
    if arch == SYSCALLS["x86_64"][0]:
        op(JGE_K, X32_BIT, 0, 1)
        op(RET_K, RET_ERRNO | errno.ENOSYS)
    for name in REFUSED:
        op(JEQ_K, numbers[name], 0, 1)
        op(RET_K, deny)
    op(JEQ_K, numbers["socketpair"], 0, 4)
    op(LD_W_ABS, ARG0)
    op(JEQ_K, AF_UNIX, 0, 1)
    op(RET_K, RET_ALLOW)                 # socketpair(AF_UNIX, ...): a pair within the sandbox
    op(RET_K, deny)                      # socketpair of any other family
    op(RET_K, RET_ALLOW)                 # every other system call
    return b"".join(struct.pack("<HBBI", kind, jt, jf, k) for kind, jt, jf, k in code)


def install(code: bytes) -> None:
    """Install `code` (from `program`) on this process; sets no_new_privs first, as the kernel requires."""
    from autograder.sandbox.protocol import libc

    buffer = ctypes.create_string_buffer(code, len(code))
    prog = _Fprog(len(code) // 8, ctypes.addressof(buffer))
    if libc().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc().prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"seccomp filter refused: {os.strerror(err)}")


def _machine() -> str:
    return platform.machine().lower()
