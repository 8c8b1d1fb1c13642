"""Every wrong implementation in tests/banks loses points; every differently written correct one keeps full marks."""

from __future__ import annotations

import ast

import pytest

from autograder.catalogue import CATALOGUE
from support import BANKS, ROOT, bank_source, grade_many, grade_module_source, summary

CASES = [
    pytest.param(assignment, path, id=f"{assignment.folder}/{path.stem}")
    for assignment in CATALOGUE
    for path in sorted((BANKS / assignment.folder).glob("*.py"))
    if path.stem.startswith(("wrong_", "right_"))
]


@pytest.fixture(scope="session")
def graded(request):
    """Grade every selected bank file once, in parallel."""
    jobs = {}
    for item in request.session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "path" in params and "assignment" in params:
            a, p = params["assignment"], params["path"]
            source = bank_source(p, ROOT / "solutions" / a.folder / a.filename)
            jobs[p] = (lambda source=source, a=a: grade_module_source(source, a.folder, a.module))
    return grade_many(jobs)


@pytest.mark.parametrize("assignment, path", CASES)
def test_bank(assignment, path, graded):
    result = graded[path]
    what = ast.get_docstring(ast.parse(path.read_text())) or "(no docstring)"
    assert result["exit_code"] == 0, result["stderr"]
    if path.stem.startswith("wrong_"):
        # a plausible mistake must cost points
        assert result["score"] < result["max_score"], f"{path.name} ({what.splitlines()[0]}) kept full marks"
    else:
        # a correct implementation, written differently, keeps every point
        assert result["score"] == result["max_score"], f"{path.name} lost points:\n{summary(result)}"
    assert not any(t["tags"][0] == "grader error" for t in result["tests"]), summary(result)


def test_every_graded_assignment_has_banks():
    for assignment in CATALOGUE:
        folder = BANKS / assignment.folder
        wrong = list(folder.glob("wrong_*.py"))
        right = list(folder.glob("right_*.py"))
        assert len(wrong) >= 4 and right, f"{assignment.folder}: {len(wrong)} wrong and {len(right)} right banks"


def test_a_mutation_that_no_longer_applies_fails_loudly(tmp_path):
    solution = tmp_path / "solution.py"
    solution.write_text("def f(x):\n    # BEGIN SOLUTION\n    return 2 * x\n    # END SOLUTION\n")
    bank = tmp_path / "wrong_f.py"
    bank.write_text('"""Doubles twice."""\nMUTATIONS = [("    return 2 * x\\n", "    return 4 * x\\n")]\n')
    assert bank_source(bank, solution) == "def f(x):\n    return 4 * x\n"
    bank.write_text('"""Gone."""\nMUTATIONS = [("    return 3 * x\\n", "    return 4 * x\\n")]\n')
    with pytest.raises(AssertionError, match="matches 0 places"):
        bank_source(bank, solution)
