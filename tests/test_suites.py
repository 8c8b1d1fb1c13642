"""Rules every public and hidden suite follows, read from their source."""

from __future__ import annotations

import ast
import glob

import pytest

from support import ROOT

SUITES = sorted(glob.glob(str(ROOT / "assignments" / "*" / "test_*.py")) + glob.glob(str(ROOT / "autograder" / "hidden" / "*" / "test_*.py")))


def _tests(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    return [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]


def _marks(fn):
    return {d.func.attr for d in fn.decorator_list if isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)}


def _called(fn):
    return {n.func.id for n in ast.walk(fn) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}


@pytest.mark.parametrize("path", SUITES, ids=lambda p: p.split("/")[-2] + "/" + p.split("/")[-1])
def test_suite_rules(path):
    tests = _tests(path)
    assert tests, "a suite with no tests"
    for fn in tests:
        # points, and a first docstring line that students see as the test's name
        assert "points" in _marks(fn), f"{fn.name} has no points marker"
        assert ast.get_docstring(fn), f"{fn.name} has no docstring"
        # a test that never calls the submission cannot fail
        assert "student" in [a.arg for a in fn.args.args], f"{fn.name} does not use the student fixture"
        # a test that only checks inputs were not modified passes for code that ignores its inputs
        called = _called(fn)
        assert "expect_unchanged" not in called or "expect" in called, (
            f"{fn.name} checks only that inputs are unchanged; check the values too")
