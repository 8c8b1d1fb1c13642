"""Compare what a submission returned with what the reference returned.

`expect` checks, and stops at the first failure: the kind of value (tuple, dict, scalar, array), the length
or keys, the shape, the dtype kind, that values are finite, then the values. Each failure raises
`Mismatch(property, kind, details)`: hidden tests show the property and the kind only ("got shape (3,),
expected (3, 1)"); public tests also show the inputs, the expected value and the returned one.

An expected value that is not finite is the grader's fault, never a pass: the reference is only ever called on
inputs no submission touched (the sandbox never writes back into the test's objects; see sandbox/client.py), and no
test expects nan or inf.
"""

from __future__ import annotations

import copy
import numbers

import numpy as np

from autograder.outcomes import GraderFault, Mismatch
from autograder.sandbox.wire import Opaque
from autograder.text import inert

RTOL = 1e-7
ATOL = 1e-10


def expect(got, want, *, what: str, inputs: dict | None = None, rtol: float = RTOL, atol: float = ATOL) -> None:
    """Raise Mismatch unless `got` has the structure of `want` and values within tolerance.

    Inputs:
    - got: the value the submission returned (plain data from the sandbox).
    - want: the value the reference returned.
    - what: the property being checked, with no inputs or values in it (hidden tests show it).
    - inputs: name -> value, shown with expected and returned values on public tests only.
    - rtol, atol: tolerances for np.allclose(got, want, rtol, atol).
    Raises GraderFault when `want` holds nan or inf.
    """
    if not _finite(want):
        raise GraderFault(f"{what}: the expected value holds nan or inf")
    problem = _compare(got, want, "", rtol, atol)
    if problem is not None:
        kind, path = problem
        where = f" (in {path.lstrip('.')})" if path else ""
        raise Mismatch(what, kind + where, _details(got, want, inputs))


def agree(submitted, reference, *args, what: str, inputs: dict | None = None, rtol: float = RTOL,
          atol: float = ATOL, unchanged: bool = False):
    """The pattern most tests repeat: call the submission, then the reference, with the same inputs, and `expect`
    the same answer; with `unchanged`, also check that the submission left its inputs as they were. Returns what
    the submission returned.

    Inputs:
    - submitted: a function of the submission (`student.fun_z`); reference: the same function of the reference.
    - args: the inputs, passed to both in this order. The submission gets them as data and cannot change them;
      the reference gets copies of its own.
    - what, inputs, rtol, atol: as for `expect`.
    - unchanged: the docstring promises the inputs are not modified; checked after the values, so a function that
      ignores its inputs does not earn the point.
    """
    call = submitted.call(*args) if unchanged else None
    got = call.value if unchanged else submitted(*args)
    want = reference(*copy.deepcopy(args))
    expect(got, want, what=what, inputs=inputs, rtol=rtol, atol=atol)
    if unchanged:
        expect_unchanged(call.args, args, what=f"{what} must not modify its inputs")
    return got


def expect_same(got, earlier, *, what: str, rtol: float = 0.0, atol: float = 0.0) -> None:
    """Raise Mismatch unless `got` matches `earlier`, another answer of the submission's (a second call with the same
    inputs, the data a node was made with). nan or inf in `earlier` is then the submission's fault, not the grader's:
    it fails here as it would against the reference."""
    if not _finite(earlier):
        raise Mismatch(what, "got values that are not finite (nan or inf)")
    expect(got, earlier, what=what, rtol=rtol, atol=atol)


def parts(got, n: int, *, what: str) -> tuple:
    """Return `got` when it is a tuple of `n` items, so a test can unpack it; raise Mismatch otherwise."""
    if not isinstance(got, tuple):
        raise Mismatch(what, f"got {_describe(got)}, expected a tuple of {n}")
    if len(got) != n:
        raise Mismatch(what, f"got a tuple of {len(got)}, expected {n}")
    return got


def expect_unchanged(after, before, *, what: str) -> None:
    """Raise Mismatch if an argument changed: `after` is the argument as the submission left it (from a `Call`),
    `before` the test's own, which no call changes."""
    if _compare(after, before, "", 0.0, 0.0) is not None:
        raise Mismatch(what, "an input was modified")


def expect_each_unchanged(call, function: str, **inputs) -> None:
    """Raise Mismatch naming the first input that `function` modified, each checked on its own.

    Inputs:
    - call: a `Call` (`student.f.call(...)`); its `args` hold the arguments as the submission left them.
    - function: the name shown, as in "fun_z must not modify x".
    - inputs: each positional argument's name and the value the test passed (which no call changes), in order.
    """
    for (name, before), after in zip(inputs.items(), call.args):
        expect_unchanged(after, before, what=f"{function} must not modify {name}")


def _compare(got, want, path, rtol, atol):
    if isinstance(want, tuple) or isinstance(want, list):
        expected_type = type(want).__name__
        if not isinstance(got, type(want)):
            return f"got {_describe(got)}, expected a {expected_type} of {len(want)}", path
        if len(got) != len(want):
            return f"got a {expected_type} of {len(got)}, expected {len(want)}", path
        for i, (g, w) in enumerate(zip(got, want)):
            problem = _compare(g, w, f"{path}[{i}]", rtol, atol)
            if problem:
                return problem
        return None
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"got {_describe(got)}, expected a dict", path
        if set(got) != set(want):
            return f"got keys {sorted(map(str, got))}, expected {sorted(map(str, want))}", path
        for key in want:
            problem = _compare(got[key], want[key], f"{path}[{key!r}]", rtol, atol)
            if problem:
                return problem
        return None
    if isinstance(want, np.ndarray):
        if not isinstance(got, np.ndarray):
            return f"got {_describe(got)}, expected an array of shape {want.shape}", path
        if got.shape != want.shape:
            return f"got shape {got.shape}, expected {want.shape}", path
        if want.dtype.kind == "f" and got.dtype.kind != "f":
            return f"got dtype {got.dtype}, expected a float dtype ({want.dtype})", path
        return _values(got, want, path, rtol, atol)
    if isinstance(want, (bool, np.bool_)):
        if not isinstance(got, (bool, np.bool_)):
            return f"got {_describe(got)}, expected a bool", path
        return None if bool(got) == bool(want) else ("wrong value", path)
    if isinstance(want, numbers.Real):
        if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind in "iuf":
            got = got[()]  # a 0-d array behaves as the number it holds
        if isinstance(got, np.ndarray) or not isinstance(got, numbers.Real) or isinstance(got, (bool, np.bool_)):
            return f"got {_describe(got)}, expected a number", path
        if isinstance(want, (float, np.floating)) and not isinstance(got, (float, np.floating)):
            return f"got {_describe(got)}, expected a float", path
        return _values(np.asarray(got, float), np.asarray(want, float), path, rtol, atol)
    if want is None:
        return None if got is None else (f"got {_describe(got)}, expected None", path)
    if got != want:
        return f"got {_describe(got)}, expected {type(want).__name__}", path
    return None


def _values(got, want, path, rtol, atol):
    if got.size and not np.all(np.isfinite(got)):
        return "got values that are not finite (nan or inf)", path
    if np.allclose(got, want, rtol=rtol, atol=atol):
        return None
    return "wrong values", path


def _finite(want) -> bool:
    """True when no float in `want` (a reference's answer: containers, arrays, numbers) is nan or inf."""
    if isinstance(want, (tuple, list)):
        return all(map(_finite, want))
    if isinstance(want, dict):
        return all(map(_finite, want.values()))
    if isinstance(want, np.ndarray):
        return want.dtype.kind not in "fc" or bool(np.all(np.isfinite(want)))
    if isinstance(want, (float, np.floating)):
        return bool(np.isfinite(want))
    return True


def _describe(value) -> str:
    if isinstance(value, Opaque):
        return f"a {value.type_name} object"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)}"
    if value is None:
        return "None"
    return f"a {type(value).__name__}"


def _details(got, want, inputs) -> str:
    lines = [f"  {name} = {_show(value)}" for name, value in (inputs or {}).items()]
    lines.append(f"  expected: {_show(want)}")
    lines.append(f"  returned: {_show(got)}")
    return "\n".join(lines)


def _show(value) -> str:
    """A value as a student would write it: plain numbers, arrays to 10 digits, containers recursively."""
    text = _plain(value)
    return inert(text if len(text) < 600 else text[:600] + " ...")  # a repr is inert already; this is the guarantee


def _plain(value) -> str:
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=10, threshold=20, edgeitems=3):
            return np.array2string(value, separator=", ")
    if isinstance(value, np.generic):
        return repr(value.item())
    if isinstance(value, tuple):
        return "(" + ", ".join(map(_plain, value)) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(map(_plain, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_plain(v)}" for k, v in value.items()) + "}"
    return repr(value)
