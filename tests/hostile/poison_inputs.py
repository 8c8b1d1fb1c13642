"""Hostile submission, a template that tests/test_poison.py fills in for each assignment that takes arrays, after
the reference code (the template wraps every function of the assignment: NAMES).

Each function writes poison into every array it is given, in place, and
- with ANSWER_FIRST = False, returns the reference's answer for the poisoned inputs with every number in it
  replaced by poison: an answer that is never right (honest score 0). Before the boundary was one-way, the
  changed arrays were copied back into the grader's own objects, the reference then answered for the poisoned
  inputs too, and nan against nan was a match; a hidden suite's module-level inputs stayed poisoned for every
  later test;
- with ANSWER_FIRST = True, computes the right answer first and poisons its inputs afterwards: only the tests of
  the "not modified" promises may fail.

KIND: nan | inf | huge | views (shapes changed, values written through views) | reorder | containers (dicts and
lists changed: keys added and removed, items reordered).
"""

import copy

import numpy as np

NAMES = ()
KIND = "nan"
ANSWER_FIRST = False
_depth = [0]


def _poison(value):
    if isinstance(value, np.ndarray) and value.flags.writeable and value.size:
        floats = value.dtype.kind == "f"
        if KIND == "nan":
            value[...] = np.nan if floats else -(2 ** 31)
        elif KIND == "inf":
            value[...] = np.inf if floats else 2 ** 31 - 1
        elif KIND == "huge":
            value[...] = 1e308 if floats else 2 ** 62 if value.dtype.itemsize == 8 else 2 ** 30
        elif KIND == "views":
            flat = value.reshape(-1)  # a view of a contiguous array: writes reach the original
            flat[::2] = flat[::-1][::2] * 3 + 1
            value.shape = (value.size,) if value.ndim != 1 else (1, value.size)
        elif KIND == "reorder":
            value.reshape(-1)[:] = np.sort(value, axis=None)[::-1]
    elif isinstance(value, dict):
        for key in list(value):
            _poison(value[key])
        if KIND == "containers" and value:
            value.pop(next(iter(value)))
            value["injected"] = np.full(3, np.nan)
    elif isinstance(value, list):
        for item in value:
            _poison(item)
        if KIND == "containers":
            value.reverse()
            value.append(np.nan)
    elif isinstance(value, tuple):
        for item in value:
            _poison(item)


def _filled(value):
    """`value` with every number replaced by poison (nan, inf or a huge float; -1 for integers)."""
    bad = {"inf": np.inf, "huge": 1e308}.get(KIND, np.nan)
    if isinstance(value, np.ndarray):
        return np.full(value.shape, bad if value.dtype.kind in "fc" else -1, dtype=value.dtype)
    if isinstance(value, (bool, np.bool_)):
        return not value
    if isinstance(value, (int, np.integer)):
        return -1
    if isinstance(value, (float, np.floating)):
        return bad
    if isinstance(value, (tuple, list)):
        return type(value)(_filled(item) for item in value)
    if isinstance(value, dict):
        return {key: _filled(item) for key, item in value.items()}
    return value


def _make(name):
    def poisoned(*args, **kwargs):
        outside = _depth[0] == 0  # a call from the grader, not one of our own functions calling another
        if outside and not ANSWER_FIRST:
            for value in (*args, *kwargs.values()):
                _poison(value)
        _depth[0] += 1
        try:
            answer = _answer[name](*args, **kwargs)
        finally:
            _depth[0] -= 1
        if outside and ANSWER_FIRST:
            answer = copy.deepcopy(answer)  # an answer may share memory with an input (add_mul's dx is z)
            for value in (*args, *kwargs.values()):
                _poison(value)
        return answer if ANSWER_FIRST or not outside else _filled(answer)

    poisoned.__name__ = name
    return poisoned


_answer = {name: globals()[name] for name in NAMES}
for _name in NAMES:
    globals()[_name] = _make(_name)
