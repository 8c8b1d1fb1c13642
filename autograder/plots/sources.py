"""Where a figure's data comes from: the reference solution (trusted, imported here) or a submission (sandboxed).

Both answer `call(name, *args)` (one function of the module) and `run(driver, *args)` (a driver from
`autograder.drivers.figures`, given the module). Whatever stops a submission's function, not implemented, an
exception, a timeout, a memory limit, a crash, a missing file, becomes `Skip` with one line that says so.
"""

from __future__ import annotations

from autograder import outcomes
from autograder.drivers.figures import NOT_IMPLEMENTED
from autograder.sandbox.client import Limits

# A figure's calls are small (the largest is fun_z on a 301 x 301 grid, or 4 000 training steps on XOR):
# a little more time than a test's call, the same memory.
LIMITS = Limits(seconds=3.0)


class Skip(Exception):
    """This figure cannot be drawn; `reason` is one line for the student. `whole` when no figure of the
    assignment can be (the module is missing or does not import)."""

    def __init__(self, reason: str, whole: bool = False):
        super().__init__(reason)
        self.reason, self.whole = reason, whole


def _first_line(text: str, limit: int = 160) -> str:
    line = (str(text).strip().splitlines() or [""])[0]
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _unwrap(result, needs: str):
    """A figure driver's ("ok", data) or ("not implemented", name)."""
    if isinstance(result, tuple) and len(result) == 2 and result[0] == "ok":
        return result[1]
    if isinstance(result, tuple) and len(result) == 2 and result[0] == NOT_IMPLEMENTED:
        name = result[1] if isinstance(result[1], str) and result[1] else needs
        raise Skip(f"{_first_line(name, 60)} not implemented yet")
    raise Skip(f"{needs} returned something that is not the data of this figure")


class LocalSource:
    """The reference solution, imported in this process (it is the instructor's own code)."""

    def __init__(self, module):
        self.module = module

    def call(self, name: str, *args, **kwargs):
        try:
            return getattr(self.module, name)(*args, **kwargs)
        except NotImplementedError:
            raise Skip(f"{name} not implemented yet") from None

    def run(self, driver, *args, needs: str = "", **kwargs):
        return _unwrap(driver(self.module, *args, **kwargs), needs)

    def close(self) -> None:
        pass


class SandboxSource:
    """A submission's module in a fresh sandboxed child, opened on first use through the grader's own intake.

    `context` is an `autograder.plugin.GradingContext`: its private copy of the module (links, special files and
    files over 1 MB refused), its sandbox.
    """

    def __init__(self, context, folder: str, limits: Limits = LIMITS):
        self.context, self.folder, self.limits = context, folder, limits
        self._session = None

    def _live(self):
        if self._session is None:
            try:
                self._session = self.context.open(self.folder, self.limits)
            except outcomes.StudentProblem as problem:  # not submitted, or the module does not import
                raise Skip(_first_line(problem.message), whole=True) from None
        return self._session

    def call(self, name: str, *args, **kwargs):
        session = self._live()
        try:
            return session.call(name, args, kwargs)
        except outcomes.NotImplementedYet:
            raise Skip(f"{name} not implemented yet") from None
        except outcomes.StudentProblem as problem:
            raise Skip(f"{name}: {_first_line(problem.message)}") from None

    def run(self, driver, *args, needs: str = "", **kwargs):
        session = self._live()
        try:
            result = session.run(driver, args, kwargs)
        except outcomes.NotImplementedYet:
            raise Skip(f"{needs} not implemented yet") from None
        except outcomes.StudentProblem as problem:
            raise Skip(f"{needs}: {_first_line(problem.message)}") from None
        return _unwrap(result, needs)

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
