"""One test's child: confine the process, import the submitted module, answer calls with plain data.

Order matters, and every step happens before any submitted code runs:
1. a new session and process group (so the whole tree can be killed), output to the parent's file (the seccomp
   filter, no sockets of its own and so no network at all, no ptrace, is the zygote's, inherited: see seccomp.py);
2. resource limits: CPU time, address space, file size (printed output), processes, no core dumps;
3. as root, drop to an unprivileged user with no supplementary groups; the interpreter's folders stay within its
   reach through descriptors the zygote opened (see interpreter.py);
4. Landlock: read-only access to the interpreter, the system's shared libraries and the submission's private
   directory, no TCP, no signals or abstract sockets outside the sandbox;
5. import the module, then serve "call" and "run" requests until the parent hangs up.
The child always leaves through os._exit, so it never returns into the zygote's loop.
"""

from __future__ import annotations

import json
import linecache
import os
import resource
import signal
import socket
import sys
import traceback
import types
from dataclasses import dataclass

from autograder.sandbox import interpreter, landlock, protocol, wire
from autograder.sandbox.protocol import ErrorKind, Op
from autograder.sandbox.capabilities import Capabilities

NOBODY = 65534
NO_PROC_PROCESSES = 256  # the user's own processes, when they cannot be counted
NO_PROC_ADDRESS_SPACE = 1 << 30  # the interpreter with numpy, when /proc cannot say (measured on Linux: about 130 MB)
# Shared libraries that standard-library extensions load when imported (libsqlite3, libssl, libbz2, liblzma, ...),
# and the loader's cache that finds them: system files, readable by the child so that any standard module imports.
SYSTEM_LIBRARIES = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/etc/ld.so.cache")
REQUEST_LIMIT = 256 << 20
MESSAGE_CHARS = 2000  # of an exception's message sent to the grader (which shows at most as many)


@dataclass(frozen=True)
class Context:
    """What the zygote learned once about this machine, shared by every child it forks."""

    caps: Capabilities
    read_paths: tuple[str, ...]
    base_processes: int
    keep_fds: tuple[int, ...] = ()  # the interpreter's folders, handed over to a child that drops to nobody

    @classmethod
    def probe(cls, caps: Capabilities) -> "Context":
        """What every child shares. As root, the interpreter's folders are handed over (see `interpreter`): after
        this, the import system of this process and its children finds modules through descriptors."""
        folders = interpreter.search_folders(exclude=_engine_root())
        paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *folders}
        paths.update(p for p in SYSTEM_LIBRARIES if os.path.exists(p))
        base = 0 if caps.root else _count_processes(os.getuid()) if caps.proc else NO_PROC_PROCESSES
        keep = interpreter.hand_over(folders) if caps.root and interpreter.can_hand_over() else ()
        return cls(caps, tuple(sorted(paths)), base, keep)


def await_request(sock, context: Context) -> None:
    """A spare child: do what every test shares while waiting (see `_prepare`), then take the request and the output
    file the zygote hands over, and run the session."""
    try:
        prepared = _prepare(context)
    except BaseException as exc:  # noqa: BLE001 - reported as a grader fault once a request arrives
        prepared = exc
    try:
        head, fds, _, _ = socket.recv_fds(sock, wire.HEAD.size, 1)
        head += wire._read_exact(sock, wire.HEAD.size - len(head))
        size, _ = wire.HEAD.unpack(head)
        request = json.loads(wire._read_exact(sock, size))
    except (OSError, EOFError, ValueError):
        os._exit(0)  # the zygote went away before handing anything over
    session(sock, fds[0], request, context, prepared)


def session(sock, out_fd: int, request: dict, context: Context, prepared=None) -> None:
    status = 0
    try:
        if isinstance(prepared, BaseException):
            raise prepared
        module = _confine_and_import(sock, out_fd, request, context, prepared)
        if module is not None:
            _serve(sock, module, request["module"])
    except BaseException:  # noqa: BLE001 - a grader fault: say so, then leave
        try:
            wire.send(sock, {"ok": False, "error": {"kind": ErrorKind.GRADER, "message": traceback.format_exc()[-2000:]}})
        except BaseException:  # noqa: BLE001
            pass
        status = 70
    finally:
        _flush()
        os._exit(status)


def _prepare(context: Context):
    """The steps that do not depend on the request, taken before it arrives: a new session and process group,
    stdin from /dev/null, default signals, and the Landlock rules every test shares. Returns that ruleset, or None."""
    os.setsid()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full output file fails the write, it does not kill
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
        signal.signal(sig, signal.SIG_DFL)
    if context.caps.landlock_abi:
        return landlock.Ruleset(context.read_paths, context.caps.landlock_abi)
    return None


def _confine_and_import(sock, out_fd, request, context, ruleset=None):
    limits = request["limits"]
    os.dup2(out_fd, 1)
    os.dup2(out_fd, 2)
    os.close(out_fd)
    _close_all_but(sock.fileno(), *([ruleset.fd] if ruleset else []), *context.keep_fds)
    _set_limits(limits, context)
    path = request["module"]
    caps = context.caps
    if caps.root:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)
    if caps.prctl:
        protocol.die_with_parent()  # after the user change, which clears it; so a killed grader leaves no child
    if ruleset is not None:
        ruleset.allow_read(os.path.dirname(path))
        ruleset.enforce()
    sys.dont_write_bytecode = True
    sys.path[:] = [p for p in sys.path if os.path.abspath(p) != _engine_root()]
    sys.argv = [path]
    try:
        module = _import(path, request["name"])
    except BaseException as exc:  # noqa: BLE001 - the submission's fault, reported as data
        wire.send(sock, {"ok": False, "error": _describe(exc, path, importing=True)})
        return None
    _flush()
    wire.send(sock, {"ok": True})
    return module


def _close_all_but(*keep: int) -> None:
    """Close every descriptor from 3 up but those in `keep`."""
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 16)


def _set_limits(limits, context) -> None:
    cpu = int(limits["cpu_seconds"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits["output_kb"] * 1024,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if context.caps.rlimit_nproc:
        nproc = context.base_processes + limits["processes"]
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    if context.caps.rlimit_as:
        address_space = _vm_size(context.caps.proc) + limits["memory_mb"] * (1 << 20)
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))


def _import(path: str, name: str):
    """Run the module's source as a module named `name`: read, compile, execute; no import-system search."""
    if name in sys.modules:
        name = f"submitted_{name}"
    with open(path, "rb") as fh:
        source = fh.read()
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    exec(compile(source, path, "exec", dont_inherit=True), module.__dict__)
    return module


def _serve(sock, module, path: str) -> None:
    def resolve(kind, name, args):
        if kind == "member":
            return getattr(module, name)
        return _partial(_lookup_driver(name, "__probe__"), args)

    while True:
        try:
            header, blob = wire.recv(sock, REQUEST_LIMIT)
        except EOFError:
            return
        args = wire.decode(header["args"], blob, refs=resolve)
        kwargs = wire.decode(header["kwargs"], blob, refs=resolve)
        name = header["name"]
        if header["op"] == Op.RUN:
            target, call_args = _lookup_driver(name, "__driver__"), (module, *args)
        elif not hasattr(module, name):
            wire.send(sock, {"ok": False, "error": {"kind": ErrorKind.MISSING, "message": name}})
            continue
        else:
            target, call_args = getattr(module, name), args
        try:
            result = target(*call_args, **kwargs)
            node, data = wire.encode((result, args, kwargs))
        except BaseException as exc:  # noqa: BLE001 - the submission's fault, reported as data
            _flush()
            wire.send(sock, {"ok": False, "error": _describe(exc, path)})
            continue
        _flush()
        wire.send(sock, {"ok": True, "value": node}, data)


def _lookup_driver(name: str, mark: str):
    module_name, _, attr = name.rpartition(".")
    fn = getattr(sys.modules.get(f"autograder.drivers.{module_name}"), attr, None)
    if not getattr(fn, mark, False):
        raise LookupError(f"no driver named {name}")
    return fn


def _partial(fn, args):
    if not args:
        return fn
    return lambda *more, **kw: fn(*args, *more, **kw)


def _describe(exc: BaseException, path: str, importing: bool = False) -> dict:
    kind = ErrorKind.ERROR
    if isinstance(exc, NotImplementedError):
        kind = ErrorKind.NOT_IMPLEMENTED
    elif isinstance(exc, MemoryError):
        kind = ErrorKind.MEMORY
    elif isinstance(exc, SystemExit):
        kind = ErrorKind.EXIT
    elif isinstance(exc, OSError) and exc.errno == 27:  # EFBIG: the output file is full
        kind = ErrorKind.OUTPUT
    try:  # cut here, so that a message of many megabytes never crosses; the grader makes what it shows inert
        message = str(exc)
        message = message if len(message) <= MESSAGE_CHARS else message[:MESSAGE_CHARS] + " ... (cut)"
    except BaseException:  # noqa: BLE001
        message = "(the exception's message could not be shown)"
    where = []
    if isinstance(exc, SyntaxError) and exc.filename == path:
        where.append(f"line {exc.lineno}: {(exc.text or '').strip()}"[:300])
    # only the submission's own frames, and only the last three of them, have their source line looked up
    frames = [(f.f_code.co_name, n) for f, n in traceback.walk_tb(exc.__traceback__) if f.f_code.co_filename == path]
    for name, lineno in frames[-3:]:
        where.append(f"line {lineno}, in {name}: {linecache.getline(path, lineno).strip()}"[:300])
    return {"kind": kind, "type": type(exc).__name__[:100], "message": message, "where": where[-3:],
            "importing": importing}


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001
            pass


def _vm_size(proc: bool) -> int:
    """The address space in use now; without /proc, a generous estimate (the limit is then looser, never tighter)."""
    if proc:
        fd = os.open("/proc/self/statm", os.O_RDONLY)
        try:
            return int(os.read(fd, 256).split()[0]) * resource.getpagesize()
        finally:
            os.close(fd)
    return NO_PROC_ADDRESS_SPACE


def _count_processes(uid: int) -> int:
    count = 0
    try:
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    count += entry.stat().st_uid == uid
                except OSError:
                    pass
    except OSError:
        return 256  # no /proc (macOS): leave room for the user's own processes
    return count


def _engine_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
