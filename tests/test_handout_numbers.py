"""The numbers a handout's examples show are what the reference solution computes.

A handout's Python example may end a line with `# -> <value>`: the expression on that line, run with the
reference solution, gives that value. The value is a Python literal (numbers, None, strings, tuples, lists); a
number matches to the digits it shows (`0.6931471815` means within 5e-11), so a rounded number in the text is
checked as rounded. Every ```python block that holds such a line is run, in the handout's order and in one
namespace, with the assignment's module importable under its own name (`from tape import Variable` imports the
reference); blocks without one are left alone (method skeletons, fragments). An annotated line must be a
statement of its own at the top level of its block, so that nothing annotated goes unchecked.

This runs only the instructor's own text, with the reference solution, in this process: no submission is involved.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys

import pytest

from autograder.catalogue import CATALOGUE

BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
ANNOTATION = re.compile(r"#\s*->\s*(.+?)\s*$")
NUMBER = re.compile(r"-?\d+(?:\.(\d+))?(?:[eE][-+]?\d+)?")
# Assignments whose handout must show checked numbers, and how many at least (a handout that loses its annotations
# would otherwise pass with nothing checked).
REQUIRED = {"a09_gradient_tape": 12}


def annotated_blocks(handout: str) -> list[tuple[int, str]]:
    """(line number of the block's first line, source) of every python block with an annotated line."""
    found = []
    for match in BLOCK.finditer(handout):
        if any(ANNOTATION.search(line) for line in match.group(1).splitlines()):
            found.append((handout.count("\n", 0, match.start(1)) + 1, match.group(1)))
    return found


def _tolerance(text: str) -> float:
    """Half a unit in the last digit a number shows: 3.0 -> 0.05, 0.6931471815 -> 5e-11, 12 -> 0.5."""
    match = NUMBER.fullmatch(text.strip())
    mantissa, _, exponent = text.strip().lower().partition("e")
    digits = len(mantissa.partition(".")[2]) if match else 0
    return 0.5 * 10.0 ** (-digits + (int(exponent) if exponent else 0))


def matches(got, shown: str) -> bool:
    """Whether a computed value shows as `shown`, the literal written after `# ->`."""
    want = ast.literal_eval(shown)
    numbers = iter(NUMBER.finditer(shown))

    def same(g, w) -> bool:
        if w is None or isinstance(w, (str, bool)):
            return g == w and type(g) is type(w)
        if isinstance(w, (int, float)):
            token = next(numbers).group(0)
            return isinstance(g, (int, float)) and not isinstance(g, bool) and abs(g - w) <= _tolerance(token)
        if isinstance(w, (tuple, list)):
            return (isinstance(g, (tuple, list)) and len(g) == len(w) and all(same(a, b) for a, b in zip(g, w)))
        raise AssertionError(f"cannot check a {type(w).__name__} after # ->")

    return same(_plain(got), want)


def _plain(value):
    """numpy scalars and arrays as Python numbers and lists, so that they compare with a literal."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (tuple, list)):
        return type(value)(_plain(v) for v in value)
    return value


def run_blocks(blocks: list[tuple[int, str]], where: str) -> list[str]:
    """Run the blocks in one namespace; return one line per annotated line whose value differs (and count them)."""
    namespace: dict = {"__name__": "handout"}
    problems, checked = [], 0
    for first_line, source in blocks:
        padded = "\n" * (first_line - 1) + source  # line numbers, in tracebacks too, are the handout's own
        tree = ast.parse(padded)
        lines = padded.splitlines()
        annotated = {i + 1 for i, line in enumerate(lines) if ANNOTATION.search(line)}
        top = {node.lineno for node in tree.body}
        stray = sorted(annotated - top)
        assert not stray, f"{where} line {stray[0]}: an annotated line inside a statement"
        for node in tree.body:
            shown = ANNOTATION.search(lines[node.end_lineno - 1]) if node.lineno in annotated else None
            if shown is None:
                exec(compile(ast.Module([node], []), where, "exec"), namespace)  # the handout's own example
                continue
            assert isinstance(node, ast.Expr), f"{where} line {node.lineno}: annotate an expression"
            got = eval(compile(ast.Expression(node.value), where, "eval"), namespace)
            checked += 1
            if not matches(got, shown.group(1)):
                problems.append(f"{where} line {node.lineno}: {lines[node.lineno - 1].strip()!r} computes {got!r}")
    return problems + [f"checked {checked}"]


def reference_module(assignment):
    spec = importlib.util.spec_from_file_location(assignment.module, assignment.solution())
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("assignment", CATALOGUE, ids=lambda a: a.folder)
def test_every_number_a_handout_shows_is_computed_by_the_reference(assignment, monkeypatch):
    handout = assignment.handout().read_text(encoding="utf-8")
    blocks = annotated_blocks(handout)
    if not blocks:
        assert assignment.folder not in REQUIRED, f"{assignment.folder}/README.md has no `# ->` example left"
        return
    monkeypatch.setitem(sys.modules, assignment.module, reference_module(assignment))
    *problems, count = run_blocks(blocks, f"{assignment.folder}/README.md")
    assert not problems, "\n".join(problems)
    assert int(count.split()[1]) >= REQUIRED.get(assignment.folder, 1), count


@pytest.mark.parametrize("got, shown, ok", [
    (0.69314718148, "0.6931471815", True),
    (0.6931471816, "0.6931471815", False),   # the last digit shown is wrong
    (3.0, "3.0", True),
    (3.1, "3.0", False),
    (None, "None", True),
    (0.0, "None", False),                    # 0.0 is not None
    (None, "0.0", False),
    ([3.0, 1.0, None], "[3.0, 1.0, None]", True),
    ((4.0, 10.0, 12.0), "(4.0, 10.0, 12.0)", True),
    ((4.0, 10.0), "(4.0, 10.0, 12.0)", False),
    (35771.49585, "35771.49585", True),
    (35771.4959, "35771.49585", False),
])
def test_a_number_matches_to_the_digits_it_shows(got, shown, ok):
    assert matches(got, shown) is ok


def test_a_wrong_number_in_a_handout_is_reported(tmp_path):
    handout = "text\n\n```python\nx = 2\nx * 3            # -> 6\nx * 4            # -> 9\n```\n"
    *problems, count = run_blocks(annotated_blocks(handout), "h.md")
    assert count == "checked 2" and len(problems) == 1 and "line 6" in problems[0] and "computes 8" in problems[0]


def test_an_annotation_inside_a_statement_is_refused():
    handout = "```python\nif True:\n    1 + 1        # -> 2\n```\n"
    with pytest.raises(AssertionError, match="inside a statement"):
        run_blocks(annotated_blocks(handout), "h.md")
