"""Stubs come from solutions, and every stub imports."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys

import pytest

from autograder import stubs
from autograder.catalogue import CATALOGUE
from support import ROOT


def test_stubs_match_solutions():
    proc = subprocess.run([sys.executable, "-m", "autograder", "stubs", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("assignment", CATALOGUE, ids=lambda a: a.folder)
def test_stub_imports_and_names_every_function(assignment):
    spec = importlib.util.spec_from_file_location("stub_under_test", assignment.stub())
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the stub is generated from a trusted solution
    # every name of the catalogue is there, as the callable the solution defines
    for name in assignment.names:
        assert callable(getattr(module, name, None)), f"{assignment.stub().name} does not define {name}"
    # every solution block became exactly one named raise, and no solution line is left
    solution, stub = assignment.solution().read_text(), assignment.stub().read_text()
    raises = [n for n in ast.walk(ast.parse(stub)) if isinstance(n, ast.Raise) and isinstance(n.exc, ast.Call)
              and getattr(n.exc.func, "id", None) == "NotImplementedError"
              and str(n.exc.args[0].value).endswith(": not implemented yet")]
    assert len(raises) == solution.count(stubs.BEGIN) > 0
    assert stubs.BEGIN not in stub and stubs.END not in stub


def test_marker_replaced_by_named_raise():
    source = 'def f(x):\n    """Doc."""\n    y = 1\n    # BEGIN SOLUTION\n    return x + y\n    # END SOLUTION\n'
    assert stubs.make_stub(source, "s.py") == 'def f(x):\n    """Doc."""\n    y = 1\n    raise NotImplementedError("f: not implemented yet")\n'


def test_method_markers_name_the_class():
    source = "class V:\n    def exp(self):\n        # BEGIN SOLUTION\n        return 1\n        # END SOLUTION\n"
    assert 'NotImplementedError("V.exp: not implemented yet")' in stubs.make_stub(source, "s.py")


@pytest.mark.parametrize("source, message", [
    ("def f():\n    # BEGIN SOLUTION\n    return 1\n", "never closed"),
    ("def f():\n    return 1\n    # END SOLUTION\n", "without a"),
    ("# BEGIN SOLUTION\nx = 1\n# END SOLUTION\n", "inside a function"),
])
def test_bad_markers_are_reported_with_their_line(source, message):
    with pytest.raises(stubs.MarkerError, match=message):
        stubs.make_stub(source, "s.py")
