"""`make check-translations`: each handout and its translation agree on everything that is not prose.

A translation (README.<lang>.md beside README.md, for each language of `catalogue.TRANSLATIONS`) is written by hand,
not generated: its sentences are its own. What the two versions must share, after parsing both (`parse`):

1. formulas   the display formulas ($$ ... $$), each as often, compared after collapsing runs of whitespace;
2. tables     the numbers in tables: as many tables, as many rows each, and each row the same numbers (a minus sign
              − counts as -; a row may name them in another order);
3. figures    the image files embedded (![alt](path)), each as often, and a translated alt text for each;
4. code       the code in backticks outside code blocks, as a set (a translation may name `fun_z` more or less often);
5. sections   the headings: as many, of the same levels, in the same order;
6. blocks     the fenced code blocks, in order, line for line once comments are dropped (comments may be translated),
              but for a `# -> value` annotation, a value the handout shows (tests/test_handout_numbers.py runs it);
7. links      the English page links to its translation, and the translation back.

A translation has one section of its own: the feedback glossary (FEEDBACK[lang] in its heading), which maps the
grader's English feedback ("not implemented yet", "got shape") to the language. It is left out of the comparison,
must hold the table of GLOSSARY[lang], and every handout's translation must have it.

The pairs (`pairs`): every handout of the catalogue (a missing translation is a problem, so a new assignment fails
the check until it has one), the student bundle's README (its template in packaging/student/), and README.md up to
STUDENT_PART_ENDS, its part for students.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from autograder.catalogue import CATALOGUE, ROOT, TRANSLATIONS, lookup

FEEDBACK = {"zh-CN": "反馈用语对照"}  # the words in the heading of a translation's feedback glossary
GLOSSARY = {"zh-CN": "docs/glossary-zh.md"}  # the glossary of each language; its feedback table is the one to copy
STUDENT_PART_ENDS = "## For instructors"  # README.md is translated up to this heading
GUIDES = ("README.md", "autograder/packaging/student/README.md")  # translated beside themselves, like the handouts

_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![A-Za-z0-9_])")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FORMULA = re.compile(r"\$\$(.+?)\$\$", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_SHOWN_VALUE = re.compile(r"#\s*->\s*(.+?)\s*$")  # `x.value  # -> 15.0`: a checked value, not a comment
SHOWN = 80  # characters of a formula, heading or code line quoted in a problem


@dataclass
class Page:
    """What `parse` finds in one Markdown page; every `line` is 1-based, in the page."""

    formulas: dict[str, list[int]] = field(default_factory=dict)    # normalised formula -> the lines it starts on
    tables: list[tuple[int, list[tuple[int, Counter]]]] = field(default_factory=list)  # (line, [(line, numbers)])
    figures: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # path -> [(line, alt text)]
    code: dict[str, int] = field(default_factory=dict)              # normalised code span -> its first line
    headings: list[tuple[int, int, str]] = field(default_factory=list)  # (line, level, text)
    blocks: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (line, info, lines without comments)
    links: set[str] = field(default_factory=set)
    glossary: list[str] | None = None  # the rows of the feedback glossary's table, normalised; None without one


@dataclass(frozen=True)
class Pair:
    """An English page and its translation, relative to the checkout; `until`: the English heading where the
    translated part ends (None: the whole page); `glossary`: the translation must have a feedback glossary."""

    english: str
    translation: str
    lang: str
    until: str | None = None
    glossary: bool = False


def pairs(folders=None) -> list[Pair]:
    """Every pair the check compares: the handouts of `folders` (default: the whole catalogue), then the guides."""
    chosen = [lookup(f) for f in folders] if folders else list(CATALOGUE)
    found = [Pair(a.handout(Path()).as_posix(), a.handout(Path(), lang).as_posix(), lang, glossary=True)
             for a in chosen for lang in TRANSLATIONS]
    for guide in GUIDES:
        until = STUDENT_PART_ENDS if guide == "README.md" else None
        found += [Pair(guide, translated(guide, lang), lang, until) for lang in TRANSLATIONS]
    return found


def translated(path: str, lang: str) -> str:
    """The translation's path of the English page `path`: README.md -> README.<lang>.md, in the same folder."""
    return re.sub(r"\.md$", f".{lang}.md", path)


def check(root: Path = ROOT, folders=None) -> list[str]:
    """Every disagreement between the pages of `pairs(folders)` in the checkout `root`; an empty list when none."""
    root = Path(root)
    problems: list[str] = []
    for pair in pairs(folders):
        english, translation = root / pair.english, root / pair.translation
        if not english.is_file():
            problems.append(f"{pair.english} is missing: restore it (its translation {pair.translation} follows it)")
            continue
        if not translation.is_file():
            problems.append(f"{pair.translation} is missing: write the {pair.lang} translation of {pair.english} "
                            "beside it, as docs/translating.md says")
            continue
        text = english.read_text(encoding="utf-8")
        if pair.until is not None:
            if f"\n{pair.until}\n" not in text:
                problems.append(f"{pair.english} has no heading `{pair.until}`, where its part for {pair.translation} "
                                "ends: restore it, or change translations.STUDENT_PART_ENDS")
                continue
            text = text.split(f"\n{pair.until}\n", 1)[0] + "\n"
        heading = FEEDBACK.get(pair.lang)
        ours = parse(text)
        theirs = parse(translation.read_text(encoding="utf-8"), glossary_heading=heading)
        problems += [f"{pair.translation}: {p}" for p in compare(ours, theirs, Path(pair.english).name,
                                                                  Path(pair.translation).name)]
        problems += [f"{pair.translation}: {p}" for p in _glossary(root, pair, theirs)]
    return problems


def _glossary(root: Path, pair: Pair, page: Page) -> list[str]:
    """The translation's feedback glossary: present where required, and equal to its language's glossary file's."""
    source = GLOSSARY.get(pair.lang)
    if page.glossary is None:
        return [f"has no feedback glossary: add the section `## ... {FEEDBACK.get(pair.lang)}` with the table of "
                f"{source}"] if pair.glossary else []
    path = Path(root, source) if source else None
    want = parse(path.read_text(encoding="utf-8"), FEEDBACK[pair.lang]).glossary if path and path.is_file() else None
    if want is None:
        return [f"has a feedback glossary, but {source} (the table to compare it with) is missing or has none"]
    if page.glossary != want:
        extra = [row for row in page.glossary if row not in want]
        lacking = [row for row in want if row not in page.glossary]
        detail = (f"has a row not in {source}: {_cut(extra[0])}" if extra else
                  f"lacks a row of {source}: {_cut(lacking[0])}" if lacking else "has its rows in another order")
        return [f"its feedback glossary differs from {source}'s: it {detail}; copy the table from there"]
    return []


def parse(text: str, glossary_heading: str | None = None) -> Page:
    """What a Markdown page holds that a translation must keep (module docstring). With `glossary_heading`, the section
    whose heading contains it is the page's feedback glossary: its table rows go to `glossary`, nothing else does."""
    page = Page()
    lines = text.split("\n")
    prose = list(lines)  # the lines outside code blocks and the glossary; the others blanked, so lines keep numbers
    start = None
    for number, line in enumerate(lines, start=1):
        fence = _FENCE.match(line)
        if start is None and fence:
            start, marker, info, body = number, fence[1], fence[2], []
        elif start is not None and line.strip().startswith(marker) and not line.strip().strip(marker[0]):
            page.blocks.append((start, info, body))
            start = None
        elif start is not None:
            shown = _SHOWN_VALUE.search(line)
            kept = _COMMENT.sub("", line).rstrip() + (f"  # -> {shown[1]}" if shown else "")
            if kept.strip():
                body.append(kept)
        if start is not None or fence:
            prose[number - 1] = ""
    glossary_level = None
    for number, line in enumerate(prose, start=1):
        heading = _HEADING.match(line)
        if heading and glossary_level is not None and len(heading[1]) <= glossary_level:
            glossary_level = None
        if heading and glossary_heading and glossary_heading in heading[2] and glossary_level is None:
            glossary_level, page.glossary = len(heading[1]), []
        elif heading and glossary_level is None:
            page.headings.append((number, len(heading[1]), heading[2]))
        if glossary_level is not None:
            if _is_row(line) and not _is_rule(line):
                page.glossary.append(" ".join(line.split()))
            prose[number - 1] = ""
    body = "\n".join(prose)
    for match in _FORMULA.finditer(body):
        page.formulas.setdefault(" ".join(match[1].split()), []).append(_line(body, match.start()))
    body = _FORMULA.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), body)  # a formula's $ and digits are not prose
    table = None
    for number, line in enumerate(body.split("\n"), start=1):
        if _is_row(line):
            if table is None:
                table = (number, [])
                page.tables.append(table)
            if not _is_rule(line):
                table[1].append((number, Counter(_NUMBER.findall(line.replace("−", "-")))))
        else:
            table = None
    for match in _IMAGE.finditer(body):
        page.figures.setdefault(match[2], []).append((_line(body, match.start()), " ".join(match[1].split())))
    for match in _LINK.finditer(body):
        page.links.add(match[1])
    for match in _CODE.finditer(body):
        if "\n\n" not in match[2]:
            page.code.setdefault(" ".join(match[2].split()), _line(body, match.start()))
    return page


def compare(ours: Page, theirs: Page, english: str = "README.md", translation: str = "README.zh-CN.md") -> list[str]:
    """How the translation `theirs` (the page called `translation`) disagrees with the English `ours` (`english`)."""
    problems = []
    for formula in ours.formulas.keys() | theirs.formulas.keys():
        a, b = ours.formulas.get(formula, []), theirs.formulas.get(formula, [])
        if len(a) != len(b):
            where = f"line {', '.join(map(str, a or b))} of {english if a else translation}"
            problems.append(f"formulas: $${_cut(formula)}$$ ({where}) stands {len(a)} time(s) in {english} and "
                            f"{len(b)} in {translation}; formulas hold no prose, so both show each one alike")
    problems += _tables(ours, theirs, english, translation)
    for path in ours.figures.keys() | theirs.figures.keys():
        a, b = ours.figures.get(path, []), theirs.figures.get(path, [])
        if len(a) != len(b):
            problems.append(f"figures: {path} is embedded {len(a)} time(s) in {english} and {len(b)} in {translation}")
        english_alt = {alt for _, alt in a}
        for line, alt in b:
            if not alt or alt in english_alt:
                problems.append(f"figures: the alt text of {path} (line {line}) is "
                                f"{'empty' if not alt else 'the English one'}; describe the figure in {translation}'s language")
    only = sorted(ours.code.keys() - theirs.code.keys(), key=ours.code.get)
    extra = sorted(theirs.code.keys() - ours.code.keys(), key=theirs.code.get)
    if only or extra:
        said = [f"`{_cut(c)}` (line {ours.code[c]}) only in {english}" for c in only[:5]]
        said += [f"`{_cut(c)}` (line {theirs.code[c]}) only in {translation}" for c in extra[:5]]
        more = len(only) + len(extra) - len(said)
        problems.append("code in backticks: " + "; ".join(said) + (f" (and {more} more)" if more > 0 else ""))
    problems += _sections(ours, theirs, english, translation)
    problems += _blocks(ours, theirs, english, translation)
    if translation not in ours.links:
        problems.append(f"links: {english} does not link to {translation}: add `[...]({translation})` near its title")
    if english not in theirs.links:
        problems.append(f"links: {translation} does not link back to {english}: add `[English]({english})` near its "
                        "title")
    return problems


def _tables(ours: Page, theirs: Page, english: str, translation: str) -> list[str]:
    if len(ours.tables) != len(theirs.tables):
        return [f"tables: {english} has {len(ours.tables)} table(s), {translation} has {len(theirs.tables)} (lines "
                f"{_lines(ours.tables)} and {_lines(theirs.tables)})"]
    problems = []
    for number, ((a_line, a_rows), (b_line, b_rows)) in enumerate(zip(ours.tables, theirs.tables), start=1):
        where = f"table {number} (line {a_line} of {english}, line {b_line} of {translation})"
        if len(a_rows) != len(b_rows):
            problems.append(f"tables: {where} has {len(a_rows)} rows in {english} and {len(b_rows)} in {translation}")
            continue
        for (a_at, a), (b_at, b) in zip(a_rows, b_rows):
            if a != b:
                problems.append(f"tables: numbers in {where} differ on line {a_at} / {b_at}: {_numbers(a)} in "
                                f"{english}, {_numbers(b)} in {translation}")
    return problems


def _sections(ours: Page, theirs: Page, english: str, translation: str) -> list[str]:
    a = [level for _, level, _ in ours.headings]
    b = [level for _, level, _ in theirs.headings]
    if a == b:
        return []
    count = (f"{english} has {len(a)} headings, {translation} {len(b)}" if len(a) != len(b) else
             f"both have {len(a)} headings, of other levels")
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    first = [f"{name} line {page.headings[at][0]}: {'#' * page.headings[at][1]} {_cut(page.headings[at][2])}"
             for name, page in ((english, ours), (translation, theirs)) if at < len(page.headings)]
    return [f"sections: {count}; the first that differs is heading {at + 1} (" + "; ".join(first) + ")"]


def _blocks(ours: Page, theirs: Page, english: str, translation: str) -> list[str]:
    if len(ours.blocks) != len(theirs.blocks):
        return [f"code blocks: {english} has {len(ours.blocks)}, {translation} has {len(theirs.blocks)}"]
    problems = []
    for number, ((a_line, a_info, a), (b_line, b_info, b)) in enumerate(zip(ours.blocks, theirs.blocks), start=1):
        if (a_info, a) != (b_info, b):
            at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            shown = [f"`{_cut(lines[at].strip())}`" if at < len(lines) else "nothing" for lines in (a, b)]
            problems.append(f"code blocks: block {number} (line {a_line} of {english}, line {b_line} of {translation}) "
                            f"differs beyond its comments: {shown[0]} in {english}, {shown[1]} in {translation}"
                            if a_info == b_info else
                            f"code blocks: block {number} is ```{a_info} in {english}, ```{b_info} in {translation}")
    return problems


def _is_row(line: str) -> bool:
    return line.lstrip().startswith("|")


def _is_rule(line: str) -> bool:
    return not line.strip().strip("|:- ")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _lines(tables) -> str:
    return ", ".join(str(line) for line, _ in tables) or "none"


def _numbers(found: Counter) -> str:
    return ", ".join(sorted(found.elements())) or "no numbers"


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN - 3] + "..."


def main(root: Path | None = None, folders=None) -> int:
    """Print every disagreement and return 1, or say how many pairs agree and return 0."""
    compared = pairs(folders)
    problems = check(root or ROOT, folders)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"\n{len(problems)} disagreement(s) between the English pages and their translations. Fix the "
              "translation (or the English page), then run make check-translations again; docs/translating.md says "
              "what is compared.", file=sys.stderr)
        return 1
    print(f"translations: {len(compared)} pages agree with their English versions "
          f"({', '.join(TRANSLATIONS)}: formulas, table numbers, figures, code, sections, code blocks, links)")
    return 0
