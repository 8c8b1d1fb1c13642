"""The terminal table students and instructors read after `make grade`."""

from __future__ import annotations

from autograder import outcomes
from autograder.results import Report
from autograder.text import inert


def table(report: Report, *, width: int = 100) -> str:
    lines = [*report.notes, ""] if report.notes else []  # protection less than full: said first, one line each
    totals = report.totals()
    for folder, tests in report.by_assignment().items():
        score, total = totals[folder]
        lines.append(f"{folder:<{width - 16}}{_pts(score):>7} / {_pts(total):<6}")
        if len(tests) > 1 and len({(t.status, t.message) for t in tests}) == 1 and tests[0].status != outcomes.PASSED:
            # every test ended the same way (not implemented, not submitted): say it once
            label = outcomes.Outcome(tests[0].status).label
            lines.append(f"  {_pts(score):>5}/{_pts(total):<5} {label:<8} all {len(tests)} tests: {tests[0].message}")
            lines.append("")
            continue
        for t in tests:
            lines.append(f"  {_pts(t.score):>5}/{_pts(t.max_score):<5} {outcomes.Outcome(t.status).label:<8} {t.name}")
            if t.status != outcomes.PASSED and t.message:
                lines.extend("                     " + line for line in t.message.splitlines()[:12])
        lines.append("")
    lines.extend(report.problems)
    lines.append(f"Total: {_pts(report.score)} / {_pts(report.max_score)}")
    return inert("\n".join(lines))  # messages hold the submission's text: shown, never obeyed by the terminal


def _pts(x: float) -> str:
    return f"{x:g}"
