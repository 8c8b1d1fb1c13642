"""Check a submission's answers before anything is drawn: real numbers, float64 arrays of the right shape, finite.

Each check returns a clean float or float64 array made here, or raises `Skip` with one line naming the function.
"""

from __future__ import annotations

import numbers

import numpy as np

from autograder.plots.sources import Skip

MAX_POINTS = 1_000_000  # no figure needs more values than this from one call


def _describe(value) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, tuple):
        return f"a tuple of {len(value)}"
    return f"a {type(value).__name__}"


def parts(value, n: int, what: str) -> tuple:
    """`value` when it is a tuple of n items."""
    if not isinstance(value, tuple) or len(value) != n:
        raise Skip(f"{what} returned {_describe(value)}, expected a tuple of {n}")
    return value


def number(value, what: str) -> float:
    """A finite real number (int, float, numpy scalar or 0-d array) as a Python float."""
    if isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "iuf":
        value = value[()]
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise Skip(f"{what} returned {_describe(value)}, expected a number")
    result = float(value)
    if not np.isfinite(result):
        raise Skip(f"{what} returned {result}, expected a finite number")
    return result


def array(value, shape: tuple, what: str, finite: bool = True) -> np.ndarray:
    """A float64 copy of a numeric array of `shape` (None in `shape` matches any length)."""
    if isinstance(value, (list, tuple)) and len(value) <= MAX_POINTS:
        try:
            value = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            raise Skip(f"{what} returned {_describe(value)}, expected an array") from None
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "iuf":
        raise Skip(f"{what} returned {_describe(value)}, expected a float array of shape {_shape(shape)}")
    if len(value.shape) != len(shape) or any(want is not None and got != want for got, want in zip(value.shape, shape)):
        raise Skip(f"{what} returned an array of shape {value.shape}, expected {_shape(shape)}")
    if value.size > MAX_POINTS:
        raise Skip(f"{what} returned {value.size} values, more than a figure can show")
    result = np.array(value, dtype=np.float64)
    if finite and not np.all(np.isfinite(result)):
        raise Skip(f"{what} returned values that are not finite (nan or inf)")
    return result


def _shape(shape: tuple) -> str:
    text = ", ".join("any" if n is None else str(n) for n in shape)
    return f"({text},)" if len(shape) == 1 else f"({text})"
