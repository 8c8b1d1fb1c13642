"""Stubs come from solutions: every `# BEGIN SOLUTION` ... `# END SOLUTION` block becomes one line,
`raise NotImplementedError("<function>: not implemented yet")`, at the marker's indentation.
Everything else (imports, docstrings, helpers, signatures) is kept as written.
"""

from __future__ import annotations

import ast
import difflib
import os
import sys

from autograder.catalogue import CATALOGUE
from autograder.sandbox.client import ENGINE_ROOT

BEGIN, END = "# BEGIN SOLUTION", "# END SOLUTION"


class MarkerError(ValueError):
    """The solution's markers are unbalanced or outside a function."""


def make_stub(source: str, filename: str) -> str:
    """Return the stub for a solution's source text."""
    owners = _function_spans(ast.parse(source, filename))
    lines = source.splitlines(keepends=True)
    out, start = [], None
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if text == BEGIN:
            if start is not None:
                raise MarkerError(f"{filename}:{number}: {BEGIN} inside another block (opened at line {start})")
            start = number
            indent = line[: len(line) - len(line.lstrip())]
            owner = _owner(owners, number, filename)
            out.append(f'{indent}raise NotImplementedError("{owner}: not implemented yet")\n')
        elif text == END:
            if start is None:
                raise MarkerError(f"{filename}:{number}: {END} without a {BEGIN}")
            start = None
        elif start is None:
            out.append(line)
    if start is not None:
        raise MarkerError(f"{filename}:{start}: {BEGIN} is never closed with {END}")
    return "".join(out)


def _function_spans(tree) -> list[tuple[int, int, str]]:
    spans = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                spans.append((child.lineno, child.end_lineno, prefix + child.name))
                visit(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return spans


def _owner(spans, line: int, filename: str) -> str:
    inside = [s for s in spans if s[0] <= line <= s[1]]
    if not inside:
        raise MarkerError(f"{filename}:{line}: {BEGIN} must be inside a function")
    return max(inside, key=lambda s: s[0])[2]


def pairs():
    """(solution path, stub path) for every assignment whose solution exists."""
    for assignment in CATALOGUE:
        if assignment.solution().exists():
            yield str(assignment.solution()), str(assignment.stub())


def main(check: bool = False) -> int:
    stale = 0
    for solution, stub_path in pairs():
        with open(solution, encoding="utf-8") as fh:
            try:
                stub = make_stub(fh.read(), os.path.relpath(solution, ENGINE_ROOT))
            except (MarkerError, SyntaxError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
        current = open(stub_path, encoding="utf-8").read() if os.path.exists(stub_path) else ""
        if current == stub:
            continue
        rel = os.path.relpath(stub_path, ENGINE_ROOT)
        if check:
            stale += 1
            diff = difflib.unified_diff(current.splitlines(True), stub.splitlines(True), f"{rel} (committed)", f"{rel} (from solution)")
            sys.stdout.writelines(list(diff)[:40])
            print(f"\n{rel} differs from what `make stubs` writes; run `make stubs` and commit the result.")
        else:
            os.makedirs(os.path.dirname(stub_path), exist_ok=True)
            with open(stub_path, "w", encoding="utf-8") as fh:
                fh.write(stub)
            print(f"wrote {rel}")
    return 1 if stale else 0
