"""make check-translations: every handout and README agrees with its Chinese version, and each property the check
compares fails it when broken once, in a copy of the real pages.

Also: the feedback glossary's English words are the grader's own, a new assignment fails the check until its
translation exists, and the Chinese pages state the Python minimum that pyproject.toml does.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import outcomes
from autograder.catalogue import CATALOGUE, ENGINE, TRANSLATIONS, Assignment, audience
from autograder.packaging import translations
from support import ROOT

A01, A02, A09 = "assignments/a01_gradients", "assignments/a02_gradient_descent", "assignments/a09_gradient_tape"
ZH = "README.zh-CN.md"


@pytest.fixture
def pages(tmp_path) -> Path:
    """A folder holding a copy of every page the check compares, and the glossaries, at their paths."""
    rels = [rel for pair in translations.pairs() for rel in (pair.english, pair.translation)]
    for rel in [*rels, *translations.GLOSSARY.values()]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, tmp_path / rel)
    assert translations.check(tmp_path) == []
    return tmp_path


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer holds {old!r}: choose another line to break"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(root: Path, rel: str) -> list[str]:
    return [p for p in translations.check(root) if p.startswith(f"{rel}: ") or p.startswith(rel + " ")]


# --------------------------------------------------------------------------- this checkout


def test_every_page_agrees_with_its_translation():
    """The check `make check-translations` runs, on this checkout: every handout of the catalogue, the bundle's README
    and README.md's part for students agree with their Chinese versions."""
    compared = translations.pairs()
    assert {pair.english for pair in compared} >= {f"assignments/{a.folder}/README.md" for a in CATALOGUE}
    assert {pair.translation for pair in compared} >= {"README.zh-CN.md", "autograder/packaging/student/README.zh-CN.md"}
    assert len(compared) == (len(CATALOGUE) + len(translations.GUIDES)) * len(TRANSLATIONS)
    assert translations.check(ROOT) == []


def test_make_check_translations_says_so_and_the_cli_refuses_an_unknown_assignment():
    made = subprocess.run(["make", "--no-print-directory", "check-translations"], cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0 and "pages agree with their English versions" in made.stdout, made.stdout + made.stderr
    one = subprocess.run([sys.executable, "-m", "autograder", "check-translations", "--only", "a01_gradients"],
                         cwd=ROOT, capture_output=True, text=True)
    assert one.returncode == 0 and "translations: 3 pages agree" in one.stdout, one.stdout + one.stderr
    bad = subprocess.run([sys.executable, "-m", "autograder", "check-translations", "--only", "a01_gradient"],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown assignment 'a01_gradient'" in bad.stderr, bad.stderr


def test_the_check_fails_and_says_why_from_the_command_line(pages, capsys):
    edit(pages, f"{A01}/{ZH}", "| (1, 1) | 0.9092974268 |", "| (1, 1) | 0.9092974286 |")
    assert translations.main(pages) == 1
    err = capsys.readouterr().err
    assert f"{A01}/{ZH}: tables: numbers in table 1" in err and "0.9092974268" in err and "0.9092974286" in err
    assert "1 disagreement(s)" in err


# --------------------------------------------------------------------------- each property, broken once


BROKEN = {
    # display formulas: another formula, and one left out
    "formula changed": (A01, "$$z = f(x, y) = \\sin(x^2 + y^2)$$", "$$z = f(x, y) = \\sin(x^2 - y^2)$$",
                        "formulas: $$z = f(x, y) = \\sin(x^2 - y^2)$$"),
    "formula left out": (A02, "$$\\theta_k = (1 - 2\\alpha)^k \\, \\theta_0.$$", "",
                         "formulas: $$\\theta_k = (1 - 2\\alpha)^k \\, \\theta_0.$$"),
    # numbers in tables: a number mistyped, a row dropped, a table dropped
    "table number": (A02, "| 2 | (1.92, -2.56) | 10.24 |", "| 2 | (1.92, -2.56) | 10.42 |",
                     "tables: numbers in table 1 (line"),
    "table row": (A02, "| 3 | (1.536, -2.048) | 6.5536 |\n", "", "tables: table 1 (line"),
    "table": (A02, "| 学习率 | $x_{10}$ |\n|---|---|\n| 0.05 | 3.486784（收敛，但很慢） |\n| 0.2 | 0.060466（收敛得很快） |\n"
                   "| 1.1 | 61.917364（发散：比出发点还远） |\n", "", "tables: README.md has 3 table(s), README.zh-CN.md has 2"),
    # figures: another file, and the English alt text left in place
    "figure file": (A02, "](figures/two_minima.png)", "](figures/two_minima_zh.png)",
                    "figures: figures/two_minima.png is embedded 1 time(s) in README.md and 0"),
    "figure alt text": (A01, "![z = sin(x² + y²) 的填充等高线图",
                        "![Filled contours of z = sin(x² + y²) in the viridis colour map, with white arrows on an 11 × 11 "
                        "grid that point outwards where z rises and inwards where it falls](figures/gradient_field.png)"
                        "\n\n![x", "figures: the alt text of figures/gradient_field.png (line"),
    # code in backticks: a name changed
    "code": (A01, "`np.arange(-2.5, 2.6, 0.5)`", "`np.arange(-2.5, 2.5, 0.5)`",
             "code in backticks: `np.arange(-2.5, 2.6, 0.5)` (line"),
    # sections: a heading dropped, and one of another level
    "section dropped": (A01, "## 梯度\n", "", "sections: README.md has 7 headings, README.zh-CN.md 6"),
    "section level": (A01, "## 梯度\n", "### 梯度\n", "sections: both have 7 headings, of other levels; the first that "
                                                     "differs is heading 3"),
    # code blocks: the code changed, and a value shown after `# ->` (a comment may change: see below)
    "code block": (A02, "lr=0.1, n_steps=10)", "lr=0.2, n_steps=10)", "code blocks: block 1 (line"),
    "shown value": (A09, "y.value                              # -> 15.0", "y.value                              # -> 16.0",
                    "code blocks: block 1 (line"),
    # links both ways
    "link back": (A01, "[English](README.md) | 简体中文", "English | 简体中文",
                  "links: README.zh-CN.md does not link back to README.md"),
    # the feedback glossary: a row lost, and the whole section
    "glossary row": (A01, "| `got dtype` | 得到的数据类型是…… | 应返回浮点数组，却返回了整数数组之类 |\n", "",
                     "its feedback glossary differs from docs/glossary-zh.md's: it lacks a row"),
    "glossary": (A01, "## 附：反馈用语对照", "## 附：反馈用语", "has no feedback glossary"),
}


@pytest.mark.parametrize("folder, old, new, said", BROKEN.values(), ids=BROKEN.keys())
def test_each_property_fails_the_check_when_broken_once(pages, folder, old, new, said):
    edit(pages, f"{folder}/{ZH}", old, new)
    found = problems_of(pages, f"{folder}/{ZH}")
    assert found and any(said in p for p in found), found


def test_an_english_page_without_its_link_fails_the_check(pages):
    edit(pages, f"{A01}/README.md", "English | [简体中文](README.zh-CN.md)", "English")
    assert any("links: README.md does not link to README.zh-CN.md" in p for p in problems_of(pages, f"{A01}/{ZH}"))


@pytest.mark.parametrize("folder, old, new", [
    (A01, "$$z = f(x, y) = \\sin(x^2 + y^2)$$", "$$z   =  f(x, y)\n= \\sin(x^2 + y^2)$$"),   # whitespace in a formula
    (A02, "path.shape)      # (11, 2)", "path.shape)      # 形状是 (11, 2)"),                  # a comment in a code block
    (A02, "| 0 | (3, -4) | 25 |", "| 0 | (3, −4) | 25 |"),                                   # the minus sign − is -
    (A01, "`fun_z` 和 `fun_dz` 必须", "`fun_z`、`fun_z` 和 `fun_dz` 必须"),                     # a name named once more
], ids=["formula whitespace", "code comment", "minus sign", "code named again"])
def test_what_a_translation_may_change_passes(pages, folder, old, new):
    edit(pages, f"{folder}/{ZH}", old, new)
    assert problems_of(pages, f"{folder}/{ZH}") == []


def test_a_new_assignment_fails_the_check_until_its_translation_exists(pages, monkeypatch):
    """What the catalogue lists is checked: an assignment with only an English handout fails, naming the file."""
    new = Assignment("a99_example", "example", ("f",))
    monkeypatch.setattr(translations, "CATALOGUE", (*CATALOGUE, new))
    handout = pages / "assignments" / new.folder / "README.md"
    handout.parent.mkdir(parents=True)
    shutil.copyfile(pages / A01 / "README.md", handout)
    assert translations.check(pages) == [f"assignments/{new.folder}/{ZH} is missing: write the zh-CN translation of "
                                         f"assignments/{new.folder}/README.md beside it, as docs/translating.md says"]
    shutil.copyfile(pages / A01 / ZH, handout.parent / ZH)
    assert translations.check(pages) == []


def test_the_readme_is_compared_up_to_its_part_for_instructors(pages):
    """README.md's sections for instructors have no Chinese version; a change there is not a disagreement, a change
    in the part for students is."""
    edit(pages, "README.md", "\n## For instructors\n", "\n## For instructors\n\n$$x = 1$$\n\n`only_here`\n")
    assert translations.check(pages) == []
    edit(pages, "README.md", "`make grade` grades everything in `assignments/`;", "`make grade` grades `everything`;")
    assert any("code in backticks: `everything`" in p for p in problems_of(pages, ZH))
    edit(pages, "README.md", "\n## For instructors\n", "\n## Instructors\n")
    assert translations.check(pages) == ["README.md has no heading `## For instructors`, where its part for "
                                         "README.zh-CN.md ends: restore it, or change translations.STUDENT_PART_ENDS"]


# --------------------------------------------------------------------------- parsing


def test_parse_reads_what_a_page_shares_and_leaves_prose_alone():
    page = translations.parse(
        "# T\n\n[English](README.md)\n\n$$a =\n b$$\n\n| x | y |\n|---|---|\n| −1 and 2.5e-3 | `f(h=1e-5)` a01 |\n\n"
        "```python\nf(1)  # one\n# only a comment\n```\n\n`g` and ![alt](figures/p.png)\n\n## 附：反馈用语对照\n\n"
        "| `not implemented yet` | 尚未实现 |\n|---|---|\n\n## Next\n", glossary_heading="反馈用语对照")
    assert page.formulas == {"a = b": [5]}
    assert [[sorted(n.elements()) for _, n in rows] for _, rows in page.tables] == [[[], ["-1", "1e-5", "2.5e-3"]]]
    assert page.blocks == [(12, "python", ["f(1)"])]
    assert set(page.code) == {"f(h=1e-5)", "g"} and page.figures == {"figures/p.png": [(17, "alt")]}
    assert [(level, text) for _, level, text in page.headings] == [(1, "T"), (2, "Next")]
    assert page.glossary == ["| `not implemented yet` | 尚未实现 |"] and page.links == {"README.md"}


# --------------------------------------------------------------------------- the feedback glossary


def _engine_texts() -> list[str]:
    """Every string constant, and every literal part of an f-string, in the engine's code (what students see)."""
    texts = []
    for path in sorted((ROOT / "autograder").rglob("*.py")):
        if audience(path.relative_to(ROOT).as_posix()) == ENGINE:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    texts.append(node.value)
    return texts


def _said_by_the_grader(words: str, texts: list[str]) -> bool:
    return words in {o.label for o in outcomes.Outcome} or any(words in text for text in texts)


def test_the_feedback_glossary_quotes_the_graders_own_words():
    """Each English word of the glossary's first column is in a message of the engine or a status of the table: a
    message reworded in the engine shows up here, and the glossaries are fixed with it."""
    texts = _engine_texts()
    for lang, source in translations.GLOSSARY.items():
        rows = translations.parse((ROOT / source).read_text(encoding="utf-8"), translations.FEEDBACK[lang]).glossary
        assert rows and len(rows) > 10, f"{source} has no feedback glossary"
        words = [w for row in rows[1:] for w in re.findall(r"`([^`]+)`", row.split("|")[1])]
        assert len(words) >= len(rows) - 1
        unknown = [w for w in words if not _said_by_the_grader(w, texts)]
        assert not unknown, f"{source} quotes feedback the grader never gives: {unknown}"
    # the same search does not find words the grader does not say
    assert not _said_by_the_grader("not implemented yet, sorry", texts) and not _said_by_the_grader("PASS", texts)


def test_the_chinese_pages_state_the_python_minimum_of_pyproject():
    minimum = re.search(r'requires-python = ">=(3\.\d+)"', (ROOT / "pyproject.toml").read_text())[1]
    stated = [(pair.translation, version) for pair in translations.pairs()
              for version in re.findall(r"Python (3\.\d+) 或更新", (ROOT / pair.translation).read_text(encoding="utf-8"))]
    assert stated and all(version == minimum for _, version in stated), stated
