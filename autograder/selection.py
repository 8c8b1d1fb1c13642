"""Which tests are of which function, so that `grade --function fun_dz` (and `check("fun_dz")` in a notebook) runs
only the tests of that function, public and hidden alike, and no suite needs a marker for it.

A test is of the catalogue functions it calls on the `student` fixture (`student.fun_dz(...)`, read from the test's
source); a test that calls none directly (it runs a driver inside the sandbox, `student.run(...)`) is of the
functions its first docstring line names as whole words ("backward on the worked example"); a test that names none
either ("every function leaves its inputs unchanged") is of every function of its assignment.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from autograder.catalogue import lookup
from autograder.recorder import assignment_of, display_name


def student_calls(source: str) -> dict[str, set[str]]:
    """Test function name -> the attributes it takes from the `student` fixture, for every function in `source`."""
    calls: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            calls[node.name] = {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)
                                and isinstance(n.value, ast.Name) and n.value.id == "student"}
    return calls


def functions_of(names: tuple[str, ...], called: set[str], title: str) -> set[str]:
    """The functions among `names` a test is of, given what it calls on `student` and its first docstring line."""
    direct = set(names) & called
    if direct:
        return direct
    named = {name for name in names if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", title)}
    return named or set(names)


def unknown(functions, folders) -> list[str]:
    """The requested `functions` that no assignment among `folders` defines."""
    known = {name for folder in folders for name in lookup(folder).names}
    return [name for name in functions if name not in known]


class Selection:
    """A pytest plugin that deselects every test that is not of one of `functions` (before the recorder registers
    the tests, so that the report holds only the selected ones and their points)."""

    def __init__(self, functions):
        self.functions = set(functions)

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(self, config, items):
        sources: dict[Path, dict[str, set[str]]] = {}
        keep, drop = [], []
        for item in items:
            path = Path(item.path)
            if path not in sources:
                sources[path] = student_calls(path.read_text(encoding="utf-8"))
            called = sources[path].get(getattr(item, "originalname", item.name), set())
            of = functions_of(lookup(assignment_of(path)).names, called, display_name(item))
            (keep if of & self.functions else drop).append(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
            items[:] = keep
