"""The grader's side of the sandbox: start the zygote, open one session per test, make calls.

Nothing here imports or touches submitted code. A call sends plain data, waits at most the wall-time
limit, and turns the answer into grader-made values or into one of the `outcomes` exceptions.

The boundary is one-way: the objects a test passes are encoded and sent, never written back. What the submission
did to its arguments in place comes back as a `Call`, the grader's own fresh copies, for a test that checks a
"not modified" promise; the test's originals stay as they were, so the reference always sees pristine inputs.
"""

from __future__ import annotations

import functools
import os
import select
import signal
import socket
import tempfile
import time
from dataclasses import dataclass, field

from autograder import outcomes
from autograder.text import inert
from autograder.sandbox import capabilities, clock, launch, protection, protocol, wire
from autograder.sandbox.protocol import ErrorKind, Limits, Op

ENGINE_ROOT = launch.ENGINE_ROOT
# The largest answer any reference gives is about 2 MB (a figure's grid); a bigger one is refused before it is
# read, so that a hostile answer cannot make the grader hold more than this.
RESULT_LIMIT = 16 << 20
MALFORMED = "the sandbox answered with malformed data (does your code write to file descriptors it did not open?)"
START_TIMEOUT = 60.0
POLL_SECONDS = 0.2  # how often a wait for the zygote checks that it is still alive


class Sandbox:
    """One zygote process, shared by every test of a grading run. Use as a context manager.

    A zygote passed in belongs to the caller, who stops it (`make grade-all` keeps one for many students);
    one started here is stopped by `close`.
    """

    def __init__(self, zygote: launch.Zygote | None = None):
        self._zygote = zygote
        self._owns_zygote = zygote is None
        self._ctrl = zygote.control if zygote else None
        self.protection: protection.Protection | None = None
        self.own_time = True  # a call's limit counts its own time, not time spent waiting for a CPU (clock.py)
        self._import_failures: dict[str, outcomes.ImportFailed] = {}

    def start(self) -> "Sandbox":
        """Decide whether grading may go ahead here (protection.Refused if not), then launch the zygote without
        waiting for it (it imports numpy while the caller collects tests)."""
        if self.protection is None:
            caps = capabilities.Capabilities.detect(capabilities.disabled_from(os.environ))
            self.protection = protection.secure(caps, ENGINE_ROOT, capabilities.insecure_allowed(os.environ))
            self.own_time = caps.proc
        if self._zygote is None:
            self._zygote, self._owns_zygote = launch.Zygote(), True
            self._ctrl = self._zygote.control
        return self

    def wait_ready(self) -> None:
        """Start if need be, and wait until the zygote can fork (once per zygote, whoever waits)."""
        self.start()
        if not self._zygote.ready:
            self._control_recv(Op.READY)  # what confines the child is said by self.protection
            self._zygote.ready = True

    def open(self, module_path: str, module_name: str, limits: Limits) -> "Session":
        """Fork a fresh child that imports `module_path`; raise ImportFailed if it does not import."""
        if module_path in self._import_failures:
            raise self._import_failures[module_path]
        self.wait_ready()
        output = tempfile.TemporaryFile()
        request = {"op": Op.OPEN, "module": module_path, "name": module_name, "limits": limits.to_request()}
        protocol.send_control(self._ctrl, request, [output.fileno()])
        answer, fds = self._control_recv(Op.OPENED)
        session = Session(self, answer["pid"], socket.socket(fileno=fds[0]), fds[1], output, limits)
        try:
            session.hello()
        except outcomes.StudentProblem as problem:
            failure = outcomes.ImportFailed(f"{os.path.basename(module_path)} could not be imported: {problem.message}")
            failure.status = problem.status
            self._import_failures[module_path] = failure
            session.close()
            raise failure from None
        return session

    def _control_recv(self, op: str):
        """The next answer `op` from the zygote (the only answers on the control socket are READY and OPENED)."""
        deadline = time.monotonic() + START_TIMEOUT
        while not select.select([self._ctrl], [], [], POLL_SECONDS)[0]:  # a zygote that died says nothing: look
            code = self._zygote.process.poll()
            if code is not None:
                raise RuntimeError(f"the sandbox process stopped (exit code {code}) where {op!r} was due; its error "
                                   "is above. Can this interpreter import numpy?")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the sandbox did not answer within {START_TIMEOUT:g} s; can this interpreter "
                                   "import numpy?")
        self._ctrl.settimeout(START_TIMEOUT)
        try:
            answer, fds = protocol.recv_control(self._ctrl, max_fds=2)
        except (socket.timeout, OSError) as exc:
            raise RuntimeError(f"the sandbox did not answer ({exc}); can this interpreter import numpy?") from exc
        if not answer:
            raise RuntimeError("the sandbox process has stopped")
        if answer.get("op") != op:
            raise RuntimeError(f"the sandbox answered {answer.get('op')!r} where {op!r} was due")
        return answer, fds

    def _close_child(self, pid: int) -> None:
        """Ask the zygote to kill and reap `pid`; its exit status comes back on the session's own pipe."""
        protocol.send_control(self._ctrl, {"op": Op.CLOSE, "pid": pid})

    def close(self) -> None:
        if self._zygote is not None and self._owns_zygote:
            self._zygote.stop()
        self._zygote = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()


@dataclass(frozen=True)
class Call:
    """One call of the submission: what it returned, and its arguments as it left them.

    `args` and `kwargs` are decoded from the child's data after the call: fresh objects of the grader's, which show
    any change the submission made in place. The objects the test passed are never touched.
    """

    value: object
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


class Session:
    """A connection to one child. Every method raises an `outcomes.StudentProblem` when the child fails."""

    def __init__(self, sandbox: Sandbox, pid: int, sock: socket.socket, status_fd: int, output, limits: Limits):
        self._sandbox, self.pid, self._sock, self._output, self.limits = sandbox, pid, sock, output, limits
        self._status_fd = status_fd  # the zygote writes this child's exit status here once it is closed
        self._closed = False

    def hello(self) -> None:
        self._answer(self.limits.import_seconds)

    def call(self, name: str, args: tuple, kwargs: dict):
        """What the submission's `name(*args, **kwargs)` returns."""
        return self.request(Op.CALL, name, args, kwargs).value

    def run(self, driver, args: tuple, kwargs: dict):
        """What `driver(module, *args, **kwargs)` returns, run in the child."""
        return self.request(Op.RUN, driver, args, kwargs).value

    def request(self, op: Op, target, args: tuple, kwargs: dict) -> Call:
        """Call a name of the module (Op.CALL, `target` its name) or run a driver (Op.RUN, `target` the driver)."""
        if op == Op.RUN:
            if not getattr(target, "__driver__", False):
                raise TypeError(f"{target!r} is not marked with @driver")
            target = target.__wire_name__
        node, blob = wire.encode((list(args), dict(kwargs)), refs=_to_ref)
        header = {"op": op, "name": target, "args": node["items"][0], "kwargs": node["items"][1]}
        try:
            wire.send(self._sock, header, blob)
        except OSError:
            self._raise_for_death()
        header, blob = self._answer()
        try:
            value, args_after, kwargs_after = wire.decode(header["value"], blob)
            if not (isinstance(args_after, list) and isinstance(kwargs_after, dict)):
                raise wire.WireError("malformed arguments")
        except Exception:  # noqa: BLE001 - whatever the child sent, a bad answer is the child's fault
            self.close()
            raise outcomes.StudentRaised(MALFORMED) from None
        return Call(value, tuple(args_after), kwargs_after)

    def _answer(self, seconds: float | None = None):
        seconds = self.limits.seconds if seconds is None else seconds
        try:
            header, blob = wire.recv(self._sock, RESULT_LIMIT,
                                     deadline=clock.CallClock(self.pid, seconds, self._sandbox.own_time))
        except socket.timeout:
            self.close()
            raise outcomes.TimedOut(f"took longer than {seconds:g} s (look for a loop that never ends, or a sleep)") from None
        except (EOFError, OSError):
            self._raise_for_death()
        except wire.WireError as exc:
            self.close()
            raise outcomes.ResourceLimit(f"returned something the grader cannot read ({exc})") from None
        if header.get("ok") is True:
            return header, blob
        error = header.get("error")
        if not isinstance(error, dict):
            self.close()
            raise outcomes.StudentRaised(MALFORMED)
        raise _problem(error, self.limits)

    def _raise_for_death(self):
        self.close(keep_status=True)
        status = protocol.recv_status(self._status_fd, START_TIMEOUT)
        os.close(self._status_fd)
        self._status_fd = None
        raise _death(status, self.limits)

    def output(self, limit: int = 4096) -> str:
        """What the child printed, at most `limit` bytes of it, made inert: bytes that are not UTF-8 show as `\\xff`,
        control characters as escapes."""
        self._output.seek(0)
        data = self._output.read(limit + 1)
        text = inert(data[:limit].decode("utf-8", "surrogateescape"))
        return text if len(data) <= limit else text + "\n... (output cut)"

    def close(self, keep_status: bool = False) -> None:
        """Hang up and have the child killed; its exit status is read only when it died (keep_status)."""
        if not self._closed:
            self._sock.close()
            self._sandbox._close_child(self.pid)
            self._closed = True
        if not keep_status and self._status_fd is not None:
            os.close(self._status_fd)
            self._status_fd = None


class ModuleProxy:
    """What a test calls `student`: attribute access gives remote functions; one child per test, opened lazily."""

    def __init__(self, opener):
        self._opener = opener
        self._session = None

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return RemoteFunction(self, name)

    def run(self, driver, *args, **kwargs):
        """Run `driver(module, *args)` inside the sandbox and return its plain-data result."""
        return self._live().request(Op.RUN, driver, args, kwargs).value

    def run_call(self, driver, *args, **kwargs) -> Call:
        """`run`, as a `Call`: the result, and the arguments as the driver and the submission left them."""
        return self._live().request(Op.RUN, driver, args, kwargs)

    def _live(self) -> Session:
        if self._session is None:
            self._session = self._opener()
        return self._session

    def _close(self) -> Session | None:
        if self._session is not None:
            self._session.close()
        return self._session


class RemoteFunction:
    """A name in the submitted module. Calling it runs the function in the test's child."""

    def __init__(self, proxy: ModuleProxy, name: str):
        self._proxy, self.name = proxy, name

    def __call__(self, *args, **kwargs):
        return self._proxy._live().request(Op.CALL, self.name, args, kwargs).value

    def call(self, *args, **kwargs) -> Call:
        """Call the function; return a `Call`: its result, and its arguments as it left them (see `Call`)."""
        return self._proxy._live().request(Op.CALL, self.name, args, kwargs)

    def __repr__(self):
        return f"<submitted {self.name}>"


def _to_ref(value):
    if isinstance(value, RemoteFunction):
        return wire.Ref("member", value.name)
    if isinstance(value, functools.partial) and not value.keywords and getattr(value.func, "__probe__", False):
        return wire.Ref("probe", value.func.__wire_name__, value.args)
    if getattr(value, "__probe__", False):
        return wire.Ref("probe", value.__wire_name__)
    return None


def _problem(error: dict, limits: Limits) -> outcomes.StudentProblem:
    kind = error.get("kind")
    lines = error.get("where")
    where = "".join(f"\n  {inert(line, 300)}" for line in (lines[:3] if isinstance(lines, list) else []))
    if kind == ErrorKind.NOT_IMPLEMENTED:
        return outcomes.NotImplementedYet("not implemented yet")
    if kind == ErrorKind.MISSING:
        return outcomes.StudentRaised(f"the module does not define {_text(error.get('message'), 100)}")
    if kind == ErrorKind.MEMORY:
        return outcomes.ResourceLimit(f"used more than {limits.memory_mb} MB of memory{where}")
    if kind == ErrorKind.OUTPUT:
        return outcomes.ResourceLimit(f"printed more than {limits.output_kb} KB{where}")
    if kind == ErrorKind.EXIT:
        return outcomes.Crashed(f"called sys.exit({_text(error.get('message'), 100)}); a function must return, not exit{where}")
    if kind == ErrorKind.GRADER:
        return outcomes.Crashed("the sandbox failed before your code ran:\n" + _text(error.get("message")))
    return outcomes.StudentRaised(f"{_text(error.get('type'), 100)}: {_text(error.get('message'))}{where}")


def _text(value, limit: int = 2000) -> str:
    """Text the child sent (a message, a type name), as it may be shown: cut to `limit` characters, and inert."""
    return inert(value, limit)


def _death(status: dict, limits: Limits) -> outcomes.StudentProblem:
    state = status.get("status", {})
    sig = state.get("signal")
    if sig in (signal.SIGXCPU, signal.SIGKILL) and status.get("cpu", 0) >= limits.cpu_seconds - 0.5:
        return outcomes.TimedOut(f"used more than {limits.cpu_seconds} s of CPU time")
    if sig is not None:
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        return outcomes.Crashed(f"the process was killed by {name}")
    return outcomes.Crashed(f"the process ended (exit code {state.get('exit')}) before returning")
