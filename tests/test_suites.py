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


def _calls_student(fn) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "student":
                return True  # student.fun_z(...), student.run(driver, ...)
            if (isinstance(func, ast.Attribute) and func.attr == "call" and isinstance(func.value, ast.Attribute)
                    and isinstance(func.value.value, ast.Name) and func.value.value.id == "student"):
                return True  # student.fun_z.call(...): the result and the arguments as the submission left them
            if any(isinstance(arg, ast.Name) and arg.id == "student" for arg in node.args):
                return True  # a helper that calls it: check_field(student, ...)
            if any(isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id == "student"
                   for arg in node.args):
                return True  # the submitted function handed to a helper: same_result(student.fun_z, ...)
    return False


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
        # a test that never calls the submission cannot fail: it calls student.<name>(...) or hands `student` on
        assert "student" in [a.arg for a in fn.args.args], f"{fn.name} does not use the student fixture"
        assert _calls_student(fn), f"{fn.name} requests the student fixture but never calls the submission"
        # grading runs without pytest's capture and skipping plugins: a suite prints nothing and skips nothing
        source = ast.unparse(fn)
        for word in ("print(", "pytest.skip", "pytest.xfail", "mark.skip", "mark.xfail", "capsys", "capfd"):
            assert word not in source, f"{fn.name} uses {word.rstrip('(')}, which grading does without"
        # a test that only checks inputs were not modified passes for code that ignores its inputs
        called = _called(fn)
        assert not {"expect_unchanged", "expect_each_unchanged"} & called or {"expect", "agree"} & called, (
            f"{fn.name} checks only that inputs are unchanged; check the values too")


def test_the_rules_catch_a_test_that_never_calls_the_submission(tmp_path):
    suite = tmp_path / "test_x.py"
    suite.write_text('@pytest.mark.points(1)\ndef test_a(student, ref):\n    """Looks fine."""\n    assert ref.fun_z(1, 1)\n')
    with pytest.raises(AssertionError, match="never calls the submission"):
        test_suite_rules(str(suite))
