"""Every promise a graded docstring makes has a test that can fail and a wrong bank that makes it fail.

docs/promises.md holds one table per graded function. Each row quotes the docstring's words, names the test
(suite file::test name) whose assert checks them, and the wrong bank (tests/banks/<assignment>/wrong_*.py) that
breaks them. This file reads the solutions' docstrings and that document, and fails when:

(a) a graded function has no rows;
(b) a row names no test, or a test that the named suite file does not define;
(c) a row names no bank, or a bank file that does not exist;
(d) a promise sentence of a docstring is quoted by no row (and is not listed under "Not promises");
(e) a row quotes words that are no longer in the docstring;
(f) a promise that inputs are not modified, in a function that makes it for several inputs, lacks a row for one of
    them: each input it names has its own row, marked with the input's name (`"Not modified." (`xs`)`);
(g) a row is marked with an input its promise does not name;
(h) an input of such a function has no bank of its own: each needs a bank that no other input's rows name.

What counts as a promise (the same rule is written at the top of docs/promises.md):

- The graded functions are the names of the catalogue; for a class, its docstring and each of its methods
  whose body students write (a `# BEGIN SOLUTION` block).
- A docstring is cut into blocks (paragraphs and `- ` bullet items) and each block into sentences (a sentence ends
  with `.`, `!` or `?` followed by a space and a capital letter or an opening parenthesis, or at the end of the
  block). Lines indented more than their block (formulas) are blocks of their own and are never sentences.
- A sentence is a promise when it belongs to the Returns section (from the line that starts with `Returns` to the
  next section line: `Inputs`, `Example`, `Attributes`, `Operands`), or when it contains one of KEYWORDS,
  anywhere in the docstring.
- A row covers a promise when its quoted words (whitespace collapsed) occur in that sentence.
- A promise that inputs are not modified ("not modified", "left unchanged", "None of them is modified") names the
  inputs of its own words ("x and y are not modified", "params and grads are left unchanged"), or else those its
  bullet starts with ("- x, y: ... Not modified."), keeping only the function's parameters.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

from autograder.catalogue import CATALOGUE
from autograder.stubs import BEGIN
from support import BANKS, ROOT

DOC = ROOT / "docs" / "promises.md"
SCOPE = CATALOGUE
# Rows whose promise no wrong bank breaks yet: (folder, function, quoted
# words). Their bank cell is "—"; test_pending_banks_are_still_missing fails once a bank is named, so the entry goes.
PENDING_BANKS: set[tuple[str, str, str]] = set()

# Words that make a sentence a promise wherever it stands: what must not change, what randomness must do,
# what holds for every element, what is new and what never happens.
KEYWORDS = (
    "not modified", "modif", "unchanged", "restored", "same seed", "seed", "random", "permutation", "shuffle",
    "independent", "equally likely", "every", "each", "exactly", "in this order", "in order", "never", "new",
    "warning", "keep", "kept", "default",
)
SECTION = re.compile(r"^(Inputs|Returns|Example|Examples|Attributes|Operands)\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
QUOTE = re.compile(r'"([^"]+)"')
TEST_REF = re.compile(r"`?([\w./-]+\.py)::(\w+)`?")
BANK_REF = re.compile(r"\b(wrong_\w+\.py)\b")
INPUT_MARK = re.compile(r'"[^"]+"\s*\(`(\w+)`\)')  # "Not modified." (`xs`): the row is about input xs
NOT_MODIFIED = re.compile(r"\b(not modified|left unchanged|none of them is modified)\b", re.IGNORECASE)
SUBJECT = re.compile(r"\b((?:\w+, )*\w+(?:,? and \w+)?) (?:is|are) (?:not modified|left unchanged)\b")
BULLET_NAMES = re.compile(r"^(\w+(?:, \w+)*): ")


def norm(text: str) -> str:
    return " ".join(text.split())


def graded_functions(assignment) -> list[tuple[str, str]]:
    """(name, docstring) of every graded function of `assignment`; a class gives itself and its written methods."""
    source = assignment.solution().read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = []
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) or node.name not in assignment.names:
            continue
        found.append((node.name, ast.get_docstring(node) or ""))
        if isinstance(node, ast.ClassDef):
            for method in node.body:
                if isinstance(method, ast.FunctionDef) and BEGIN in (ast.get_source_segment(source, method) or ""):
                    found.append((f"{node.name}.{method.name}", ast.get_docstring(method) or ""))
    return found


def _blocks(doc: str) -> list[tuple[str, str]]:
    """(section, text) of each paragraph or bullet item of a docstring; indented formula lines are ("formula", line)."""
    blocks, section, current, bullet = [], "", [], None  # bullet: the depth of the current item's "- "

    def close():
        nonlocal current, bullet
        if current:
            blocks.append((section, norm(" ".join(current))))
        current, bullet = [], None

    for line in doc.splitlines():
        stripped, depth = line.strip(), len(line) - len(line.lstrip())
        if not stripped:
            close()
        elif depth == 0 and SECTION.match(stripped):
            close()
            section = SECTION.match(stripped).group(1)
            head, colon, rest = stripped.partition(":")
            text = rest.strip() if colon and head == section else stripped  # "Returns a tuple of:" is a promise
            current = [text] if text else []
        elif stripped.startswith("- "):
            close()
            current, bullet = [stripped[2:]], depth
        elif bullet is not None and bullet < depth <= bullet + 2:
            current.append(stripped)  # the continuation of an item
        elif depth >= 4:
            close()
            blocks.append(("formula", stripped))
        elif bullet is not None:
            close()
            current = [stripped]
        else:
            current.append(stripped)
    close()
    return blocks


def parameters(assignment, name: str) -> list[str]:
    """The parameter names of graded function `name` (`Value.<method>` for a method) in the solution."""
    tree = ast.parse(assignment.solution().read_text(encoding="utf-8"))
    scope, *method = name.split(".")
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == scope:
            if method:
                node = next(m for m in node.body if isinstance(m, ast.FunctionDef) and m.name == method[0])
            return [a.arg for a in node.args.args] if isinstance(node, ast.FunctionDef) else []
    return []


def unchanged_inputs(doc: str, params) -> list[tuple[str, str]]:
    """(sentence, input) for each input a "not modified" promise of the docstring names, by the rule above."""
    found = []
    for section, text in _blocks(doc):
        bullet = BULLET_NAMES.match(text) if section != "formula" else None
        for sentence in SENTENCE_END.split(text):
            if section == "formula" or not NOT_MODIFIED.search(sentence):
                continue
            subject = SUBJECT.search(sentence)
            words = re.split(r",? and |, ", subject.group(1)) if subject else []
            names = [w for w in words if w in params] or (
                [w for w in bullet.group(1).split(", ") if w in params] if bullet else [])
            found += [(sentence.strip(), name) for name in names]
    return found


def _has_keyword(sentence: str) -> bool:
    low = sentence.lower()
    return any(re.search(r"\b" + re.escape(word), low) for word in KEYWORDS)


def promise_units(doc: str) -> list[str]:
    """The promise sentences of a docstring, by the rule above."""
    units = []
    for section, text in _blocks(doc):
        if section == "formula":
            continue
        for sentence in SENTENCE_END.split(text):
            sentence = sentence.strip()
            if sentence and (section == "Returns" or _has_keyword(sentence)):
                units.append(sentence)
    return units


# --------------------------------------------------------------------------- docs/promises.md


def parse_table(text: str) -> dict:
    """{"rows": {(folder, function): [row, ...]}, "exempt": {(folder, function): [quote, ...]}, "sections": [...]}.

    A row is a dict with the quote, the tests [(file, name)], the banks [file] and its line number.
    """
    rows, exempt, sections = {}, {}, []
    folder = function = None
    in_exempt = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("## "):
            title = line[3:].strip()
            in_exempt = title.lower() == "not promises"
            folder, function = (None if in_exempt else title), None
            continue
        if line.startswith("### "):
            function = line[4:].strip().strip("`")
            sections.append((folder, function))
            rows.setdefault((folder, function), [])
            continue
        if not line.startswith("|") or set(line.replace("|", "").strip()) <= set("-: "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0].lower() in ("promise", "assignment"):
            continue  # a header row
        if in_exempt:
            quote = QUOTE.search(cells[2]) if len(cells) > 2 else None
            exempt.setdefault((cells[0].strip("`"), cells[1].strip("`")), []).append(
                (norm(quote.group(1)) if quote else "", number))
            continue
        quote = QUOTE.search(cells[0])
        rows.setdefault((folder, function), []).append({
            "line": number,
            "quote": norm(quote.group(1)) if quote else "",
            "tests": TEST_REF.findall(cells[1]) if len(cells) > 1 else [],
            "banks": BANK_REF.findall(cells[-1]) if len(cells) > 3 else [],
            "input": (INPUT_MARK.search(cells[0]) or [None, None])[1],
        })
    return {"rows": rows, "exempt": exempt, "sections": sections}


def suite_path(assignment, filename: str) -> Path:
    """Where a row's suite file lives: test_hidden.py in the hidden suite, test_public.py beside the stub."""
    if filename.startswith("test_hidden"):
        return ROOT / "autograder" / "hidden" / assignment.folder / filename
    return ROOT / "assignments" / assignment.folder / filename


@lru_cache(maxsize=None)
def defined_tests(path: Path) -> frozenset:
    if not path.exists():
        return frozenset()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return frozenset(n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_"))


def problems(table: dict, scope=SCOPE) -> list[str]:
    """Everything wrong with the table, one line each; [] when every promise has a test and a bank."""
    found = []
    for assignment in scope:
        for name, doc in graded_functions(assignment):
            where = f"{assignment.folder} {name}"
            rows = table["rows"].get((assignment.folder, name), [])
            if not rows:
                found.append(f"(a) {where}: no rows in docs/promises.md")
            text = norm(doc)
            for row in rows:
                at = f"{where}, docs/promises.md line {row['line']}"
                if not row["quote"]:
                    found.append(f"(e) {at}: no quoted docstring words")
                elif row["quote"] not in text:
                    found.append(f"(e) {at}: \"{row['quote']}\" is not in the docstring")
                if not row["tests"]:
                    found.append(f"(b) {at}: no test")
                for filename, test in row["tests"]:
                    if test not in defined_tests(suite_path(assignment, filename)):
                        found.append(f"(b) {at}: {filename} defines no {test}")
                if not row["banks"] and (assignment.folder, name, row["quote"]) not in PENDING_BANKS:
                    found.append(f"(c) {at}: no bank")
                for bank in row["banks"]:
                    if not (BANKS / assignment.folder / bank).exists():
                        found.append(f"(c) {at}: tests/banks/{assignment.folder}/{bank} does not exist")
            quotes = [row["quote"] for row in rows if row["quote"]]
            quotes += [q for q, _ in table["exempt"].get((assignment.folder, name), []) if q]
            for unit in promise_units(doc):
                if not any(q in norm(unit) for q in quotes):
                    found.append(f"(d) {where}: the promise \"{unit}\" has no row")
            found += _per_input_problems(where, unchanged_inputs(doc, parameters(assignment, name)), rows)
    return found


def _per_input_problems(where: str, named: list[tuple[str, str]], rows: list[dict]) -> list[str]:
    """Rules (f), (g) and (h) for one function: `named` holds (sentence, input) for its "not modified" promises."""
    found = []
    for row in rows:
        if row["input"] and not any(row["quote"] and row["quote"] in norm(sentence) and row["input"] == name
                                    for sentence, name in named):
            found.append(f"(g) {where}, docs/promises.md line {row['line']}: `{row['input']}` is not an input "
                         f"that \"{row['quote']}\" promises to leave unchanged")
    inputs = sorted({name for _, name in named})
    if len(inputs) < 2:
        return found  # one input: the row needs no mark
    for sentence, name in named:
        if not any(row["quote"] and row["quote"] in norm(sentence) and row["input"] == name for row in rows):
            found.append(f"(f) {where}: \"{sentence}\" names {name}, which has no row of its own (`{name}`)")
    banks = {name: {b for row in rows if row["input"] == name for b in row["banks"]} for name in inputs}
    for name in inputs:
        others = set().union(*(banks[other] for other in inputs if other != name))
        if not banks[name] - others:
            found.append(f"(h) {where}: no bank of its own for `{name}` (each input needs a bank no other input's "
                         f"rows name)")
    return found


# --------------------------------------------------------------------------- the tests


def test_every_promise_has_a_test_and_a_bank():
    found = problems(parse_table(DOC.read_text(encoding="utf-8")))
    assert not found, "docs/promises.md is out of date:\n" + "\n".join(found)


def test_pending_banks_are_still_missing():
    table = parse_table(DOC.read_text(encoding="utf-8"))
    for folder, function, quote in PENDING_BANKS:
        rows = [r for r in table["rows"].get((folder, function), []) if r["quote"] == quote]
        assert rows, f"PENDING_BANKS names {folder} {function} \"{quote}\", which has no row"
        assert not any(r["banks"] for r in rows), (
            f"{folder} {function} \"{quote}\" has a bank now: remove it from PENDING_BANKS")


def test_every_section_names_a_graded_function():
    table = parse_table(DOC.read_text(encoding="utf-8"))
    graded = {(a.folder, name) for a in SCOPE for name, _ in graded_functions(a)}
    stray = [s for s in table["sections"] if s not in graded]
    assert not stray, f"sections for functions that are not graded: {stray}"


def _broken(edit) -> list[str]:
    return problems(parse_table(edit(DOC.read_text(encoding="utf-8"))))


def _first_row(text: str) -> tuple[int, str]:
    for i, line in enumerate(text.splitlines()):
        if line.startswith('| "'):
            return i, line
    raise AssertionError("docs/promises.md has no rows")


def _replace_line(text: str, i: int, new: str) -> str:
    lines = text.splitlines()
    lines[i] = new
    return "\n".join(lines) + "\n"


def test_a_function_without_rows_fails():
    def drop_section(text):
        start = text.index("\n### ")
        end = text.index("\n### ", start + 1)
        return text[:start] + text[end:]
    assert any(p.startswith("(a)") for p in _broken(drop_section))


@pytest.mark.parametrize("cell, new, kind", [
    (1, " ", "(b)"),
    (1, " `test_hidden.py::test_no_such_test` ", "(b)"),
    (3, " ", "(c)"),
    (3, " `wrong_no_such_bank.py` ", "(c)"),
])
def test_a_row_without_a_real_test_or_bank_fails(cell, new, kind):
    def edit(text):
        i, line = _first_row(text)
        cells = line.split("|")
        cells[cell + 1] = new
        return _replace_line(text, i, "|".join(cells))
    assert any(p.startswith(kind) for p in _broken(edit))


def test_a_promise_without_a_row_fails():
    def edit(text):
        i, line = _first_row(text)
        cells = line.split("|")
        cells[1] = ' "words that are in no docstring" '
        return _replace_line(text, i, "|".join(cells))
    found = _broken(edit)
    assert any(p.startswith("(e)") for p in found) and any(p.startswith("(d)") for p in found)


def test_a_new_promise_in_a_docstring_needs_a_row():
    doc = '"""\n    Do it.\n\n    Inputs:\n    - x: an array. Not modified.\n\n    Returns:\n    - y: a float.\n    """'
    assert promise_units(ast.get_docstring(ast.parse(f"def f():\n    {doc}\n").body[0])) == [
        "Not modified.", "y: a float."]


def _first_marked(text: str, mark: str) -> tuple[int, str]:
    for i, line in enumerate(text.splitlines()):
        if line.startswith('| "') and mark in line:
            return i, line
    raise AssertionError(f"docs/promises.md has no row marked {mark}")


def test_an_input_of_a_several_input_promise_without_its_row_fails():
    def unmark(text):
        i, line = _first_marked(text, "(`ys`)")
        return _replace_line(text, i, line.replace(" (`ys`)", ""))
    assert any(p.startswith("(f)") and "names ys" in p for p in _broken(unmark))


def test_a_row_marked_with_an_input_its_promise_does_not_name_fails():
    def mismark(text):
        i, line = _first_marked(text, "(`ys`)")
        return _replace_line(text, i, line.replace("(`ys`)", "(`zs`)"))
    found = _broken(mismark)
    assert any(p.startswith("(g)") and "`zs`" in p for p in found) and any(p.startswith("(f)") for p in found)


def test_an_input_without_a_bank_of_its_own_fails():
    def share(text):
        i, ys_row = _first_marked(text, "(`ys`)")
        _, xs_row = _first_marked(text, "(`xs`)")
        cells = ys_row.split("|")
        cells[-2] = xs_row.split("|")[-2]  # the ys row names only the xs row's banks
        return _replace_line(text, i, "|".join(cells))
    assert any(p.startswith("(h)") and "`ys`" in p for p in _broken(share))


@pytest.mark.parametrize("doc, params, names", [
    ("Inputs:\n- x, y: arrays of one shape.\n  Not modified.\n", ["x", "y"], ["x", "y"]),
    ("Inputs:\n- xs: an array. Not modified.\n- ys: an array. Not modified.\n- lr: a float.\n",
     ["xs", "ys", "lr"], ["xs", "ys"]),
    ("Returns:\n- z: a float.\n\nx and y are not modified.\n", ["x", "y"], ["x", "y"]),
    ("Inputs:\n- x, y, z: numbers. None of them is modified.\n", ["x", "y", "z"], ["x", "y", "z"]),
    ("Returns:\n- new: a dict. params and grads are left unchanged.\n", ["params", "grads", "lr"], ["params", "grads"]),
    ("Returns: None. No .data is modified.\n", ["self"], []),
])
def test_the_inputs_a_not_modified_promise_names(doc, params, names):
    assert [name for _, name in unchanged_inputs(doc, params)] == names


def test_a_documented_default_is_a_promise():
    doc = "Inputs:\n- lr: the learning rate, a float (default 0.01).\n- w0: the starting weight, a float."
    assert promise_units(doc) == ["lr: the learning rate, a float (default 0.01)."]
