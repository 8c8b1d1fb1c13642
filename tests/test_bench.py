"""make bench: a rerun rewrites the sections it measures and keeps, with their own stamp, those it skipped."""

from __future__ import annotations

from autograder import bench

OLDER = """# Benchmarks

Written by `make bench` on 2026-01-02 03:04 UTC; rerun it to rewrite this file.

Machine: 2 cores; commit abc1234.

## One full submission

- old grading numbers

## Isolation per test

- old isolation numbers
"""


def test_a_partial_rerun_replaces_what_it_measured_and_keeps_the_rest():
    report = bench.Report(skip=["grade", "otter"])
    report.section("Isolation per test", ["- new isolation numbers"])
    text = report.markdown(OLDER)
    # the measured section is new, stamped with this run
    assert "- new isolation numbers" in text and "- old isolation numbers" not in text
    # the skipped one is kept, stamped with when and where it was measured
    assert "## One full submission\n\n_Measured 2026-01-02 03:04 UTC at commit abc1234._\n\n- old grading numbers\n" in text
    # sections stay in their fixed order
    assert text.index("## One full submission") < text.index("## Isolation per test")
