"""The boundary is one-way: nothing a submission does to the arguments it is given reaches the grader.

tests/hostile/poison_inputs.py, filled in for each assignment that takes arrays, writes nan, inf, huge values,
shapes changed through views, reordered values and changed containers into its arguments. Poisoning alone must
earn nothing; a correct answer computed before poisoning loses only the "not modified" promises, so every later
test, including those that reuse a suite's module-level inputs (a04's XS and YS), saw its inputs intact.
"""

from __future__ import annotations

import pytest

from autograder.catalogue import BY_FOLDER
from support import ROOT, grade_many, grade_module_source, summary

TEMPLATE = ROOT / "tests" / "hostile" / "poison_inputs.py"
# assignment -> the poison its case uses (one kind each, every kind once)
KINDS = {
    "a01_gradients": "nan",
    "a02_gradient_descent": "inf",
    "a03_numerical_gradient": "huge",
    "a04_linear_regression": "views",
    "a05_sgd": "reorder",
    "a06_chain_rule": "nan",
    "a07_backprop": "containers",
}


def poisoner(folder: str, answer_first: bool) -> str:
    assignment = BY_FOLDER[folder]
    settings = (f"NAMES = {assignment.names!r}\nKIND = {KINDS[folder]!r}\nANSWER_FIRST = {answer_first!r}\n")
    template = TEMPLATE.read_text().replace('NAMES = ()\nKIND = "nan"\nANSWER_FIRST = False\n', settings)
    assert settings in template, "the template's settings lines changed: update poisoner()"
    return _solution(folder) + "\n\n" + template


def _solution(folder: str) -> str:
    """The reference without its BEGIN/END SOLUTION lines (what a mutant bank starts from)."""
    from autograder.packaging.banks import MARKERS

    text = BY_FOLDER[folder].solution().read_text()
    return "".join(line for line in text.splitlines(keepends=True) if line.strip() not in MARKERS)


@pytest.fixture(scope="module")
def graded():
    jobs = {(folder, first): (lambda folder=folder, first=first:
                              grade_module_source(poisoner(folder, first), folder, BY_FOLDER[folder].module))
            for folder in KINDS for first in (False, True) if not (first and folder == "a07_backprop")}
    return grade_many(jobs)


@pytest.mark.parametrize("folder", KINDS)
def test_poisoning_the_inputs_earns_nothing(graded, folder):
    result = graded[(folder, False)]
    assert result["exit_code"] == 0, result["stderr"]
    assert result["score"] == 0, summary(result)
    assert not [t for t in result["tests"] if t["tags"][0] == "grader error"], summary(result)


# a07's drivers chain forward, backward and sgd_step inside the sandbox, where the submission's poisoning reaches
# its own next call and rightly costs more than the promises
@pytest.mark.parametrize("folder", [folder for folder in KINDS if folder != "a07_backprop"])
def test_poisoning_after_answering_costs_only_the_not_modified_promises(graded, folder):
    result = graded[(folder, True)]
    assert result["exit_code"] == 0, result["stderr"]
    lost = [t for t in result["tests"] if t["score"] < t["max_score"]]
    assert lost, "no test noticed the poisoned inputs:\n" + summary(result)
    assert all("must not modify" in t["output"] for t in lost), summary(result)
