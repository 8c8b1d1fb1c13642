"""Command line: python -m autograder {grade, grade-all, stubs, bench, plots, ...}. The Makefile calls these."""

from __future__ import annotations

import argparse
import gc
import os
import sys

PROCESSES = 4  # most grader processes `grade` runs at once (each forks from this one and has a zygote of its own)


def main(argv=None) -> int:
    if os.name == "nt":
        return _usage("grading needs Linux, macOS or WSL (its sandbox forks a process per test). On Windows, run "
                      "`wsl --install` in PowerShell, open the Ubuntu terminal, clone the course there, and run make grade.")
    parser = argparse.ArgumentParser(prog="python -m autograder", description="Grade gradient-descent assignments.")
    sub = parser.add_subparsers(dest="command", required=True)
    instructor = _has_instructor_tools()
    if not instructor:  # a student's copy: list only what it can do
        sub.metavar = "{grade,plots}"

    def instructor_command(name: str, text: str):
        return sub.add_parser(name, help=text) if instructor else sub.add_parser(name)

    grade = sub.add_parser("grade", help="grade one submission and print a table")
    grade.add_argument("--submission", default="assignments", help="folder laid out like assignments/ (default: assignments)")
    grade.add_argument("--only", action="append", metavar="FOLDER", help="grade only this assignment (repeatable)")
    grade.add_argument("--results", metavar="FILE", help="also write Gradescope results.json here")
    grade.add_argument("--suites", default="public,hidden", help="comma-separated: public, hidden (default: both)")
    grade.add_argument("--function", action="append", metavar="NAME",
                       help="grade only the tests of this function of the catalogue (repeatable), as check(\"NAME\") "
                            "does in a notebook")
    grade.add_argument("--report", metavar="FILE", help="also write the report as JSON here (what a notebook's check() reads)")
    grade.add_argument("--quiet", action="store_true", help="print only the total")
    grade.add_argument("--hidden-visibility", default="after_published", metavar="V",
                       help="Gradescope visibility of hidden tests: visible, hidden, after_due_date, after_published "
                            "(default: after_published)")

    many = instructor_command("grade-all", "grade a class into one table: Gradescope exports (zipped or unpacked) "
                                             "and student folders or zips in SUBMISSIONS")
    many.add_argument("submissions")
    many.add_argument("out")
    many.add_argument("--shard", metavar="I/N", help="grade only the I-th of N deterministic parts of the class")
    many.add_argument("--force", action="store_true", help="regrade students that already have results")
    many.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    many.add_argument("--only", action="append", metavar="FOLDER")

    merge = instructor_command("merge-grades", "join the outputs of every grade-all shard into one grades.csv")
    merge.add_argument("outs", nargs="+", metavar="OUT", help="the OUT folder of each shard")
    merge.add_argument("--into", default=".", help="folder for the merged grades.csv (default: here)")

    stubs = instructor_command("stubs", "write assignments/*/ stubs from solutions/")
    stubs.add_argument("--check", action="store_true", help="only report stubs that differ; exit 1 if any")

    notebooks = instructor_command("notebooks", "write assignments/*/<assignment>[.<lang>].ipynb from the handouts")
    notebooks.add_argument("--check", action="store_true", help="only report notebooks that differ; exit 1 if any")
    notebooks.add_argument("--lang", help="only the handouts of this language: en (README.md) or another "
                                          "(README.<lang>.md gives <assignment>.<lang>.ipynb); default: every one")

    otter = instructor_command("otter", "build one Otter-Grader autograder zip per assignment (instructors)")
    otter.add_argument("--out", default="dist/otter", help="folder for the zips (default: dist/otter)")
    otter.add_argument("--only", action="append", metavar="FOLDER", help="build only this assignment (repeatable)")
    otter.add_argument("--hidden-visibility", default="after_published", metavar="V",
                       help="Gradescope visibility of hidden tests inside the zips (default: after_published)")

    translations = instructor_command("check-translations", "fail if a handout and its translation disagree on "
                                                            "formulas, table numbers, figures, code or sections")
    translations.add_argument("--only", action="append", metavar="FOLDER", help="check only this assignment's handout "
                                                                                 "(repeatable); the READMEs always")

    release = instructor_command("release", "check every release gate, then write dist/ (instructors)")
    release.add_argument("version", help="x.y.z; CHANGELOG.md must have a section for it")
    release.add_argument("--out", default="dist", help="folder for the release (default: dist)")
    release.add_argument("--course-url", default=None, metavar="URL",
                         help="where the student zip will be downloaded from: the notebooks fetch the course from "
                              "there on Colab (default: course.toml's course_url, if any)")

    plots = sub.add_parser("plots", help="draw the figures: the reference ones, or a submission's own (in the sandbox)")
    plots.add_argument("--submission", default=None,
                       help="folder laid out like assignments/ whose code draws the figures (default: the reference "
                            "solutions if this copy has them, else assignments/)")
    plots.add_argument("--out", default=None, help="folder for the figures (default: assignments/*/figures for the "
                                                    "reference, my_figures/ beside the submission otherwise)")
    plots.add_argument("--only", action="append", metavar="FOLDER", help="draw only this assignment's (repeatable)")
    plots.add_argument("--figure", action="append", metavar="NAME", help="draw only this figure (repeatable), as "
                                                                       "show(\"NAME\") does in a notebook")
    plots.add_argument("--summary", metavar="FILE", help="also write what was drawn and skipped as JSON here")

    bench = instructor_command("bench", "measure grading speed side by side and write BENCHMARKS.md")
    bench.add_argument("--repeat", type=int, default=9, help="timed runs per measurement (default: 9)")
    bench.add_argument("--class-size", type=int, default=1000, help="students in the generated class (default: 1000)")
    bench.add_argument("--sample", type=int, default=100,
                       help="students graded with 1 grader and with all cores, for the scaling (default: 100)")
    bench.add_argument("--skip", default="", metavar="S1,S2",
                       help="sections to leave out: grade, otter, isolation, class, cpu, first-run, make-test, plots, "
                            "notebooks")
    bench.add_argument("--out", default=None, help="where to write the report (default: BENCHMARKS.md)")

    args = parser.parse_args(argv)
    if args.command == "grade":
        return _grade(args)
    if args.command == "plots":  # students draw their own figures: not an instructor command
        from autograder.plots import run as plots_module

        return plots_module.main(submission=args.submission, out=args.out, only=args.only, figures=args.figure,
                                 summary=args.summary)
    if args.command in ("otter", "release", "stubs", "notebooks", "bench", "grade-all", "merge-grades",
                        "check-translations") and not _has_instructor_tools():
        return _usage(f"'{args.command}' is an instructor command; this copy of the course has only `grade` and `plots`")
    if args.command == "grade-all":
        from autograder import batch

        return batch.run(args.submissions, args.out, force=args.force, jobs=args.jobs, only=args.only, shard=args.shard)
    if args.command == "merge-grades":
        from autograder import batch

        return batch.merge(args.outs, args.into)
    if args.command == "otter":
        from autograder.packaging import otter as otter_module

        return otter_module.main(out=args.out, only=args.only, hidden_visibility=args.hidden_visibility)
    if args.command == "release":
        from autograder.packaging import release as release_module

        return release_module.main(args.version, out=args.out, course_url=args.course_url)
    if args.command == "check-translations":
        from autograder.packaging import translations as translations_module

        try:
            return translations_module.main(folders=args.only)
        except KeyError as exc:
            return _usage(exc.args[0])
    if args.command == "stubs":
        from autograder import stubs

        return stubs.main(check=args.check)
    if args.command == "notebooks":
        from autograder.packaging import notebooks as notebooks_module

        return notebooks_module.main(check=args.check, lang=args.lang)
    from autograder import bench as bench_module

    return bench_module.main(repeat=args.repeat, class_size=args.class_size, sample=args.sample,
                             skip=[s.strip() for s in args.skip.split(",") if s.strip()], out=args.out)


def _grade(args) -> int:
    from autograder.catalogue import CATALOGUE, SUITES, lookup

    if not os.path.isdir(args.submission):
        return _usage(f"submission folder {args.submission!r} does not exist; pass SUBMISSION=DIR, "
                      "a folder laid out like assignments/")
    suites = tuple(s.strip() for s in args.suites.split(",") if s.strip())
    if not suites or set(suites) - set(SUITES):
        return _usage(f"--suites {args.suites!r}: use public, hidden or both, separated by a comma")
    from autograder.results import VISIBILITIES
    from autograder.sandbox import capabilities

    try:
        capabilities.disabled_from(os.environ)
    except ValueError as exc:
        return _usage(str(exc))

    if args.hidden_visibility not in VISIBILITIES:
        return _usage(f"--hidden-visibility {args.hidden_visibility!r}: use one of {', '.join(VISIBILITIES)}")
    try:
        folders = [lookup(name).folder for name in args.only] if args.only else [a.folder for a in CATALOGUE]
    except KeyError as exc:
        return _usage(exc.args[0])
    functions = tuple(args.function or ())
    from autograder.selection import unknown

    if unknown(functions, folders):
        known = ", ".join(name for folder in folders for name in lookup(folder).names)
        return _usage(f"--function {', '.join(unknown(functions, folders))}: not a function of "
                      f"{', '.join(folders)}; the functions are: {known}")
    from autograder.sandbox import launch

    # one grader process and zygote per core (at most PROCESSES), each grading whole assignments; one core: this process
    processes = max(1, min(len(folders), os.cpu_count() or 1, PROCESSES))
    zygotes = [launch.Zygote() for _ in range(processes)]  # they import numpy on the other cores meanwhile
    gc.disable()  # importing pytest and numpy makes many long-lived objects: collecting them mid-import is waste
    from autograder import feedback, grading, results

    gc.freeze()
    gc.enable()

    try:
        if processes > 1:
            report = grading.grade_split(args.submission, folders, zygotes, suites, args.hidden_visibility, functions)
        else:
            try:
                report = grading.grade(args.submission, folders, suites, zygotes[0], args.hidden_visibility, functions)
            finally:
                zygotes[0].stop()
    except KeyboardInterrupt:
        print("\ninterrupted: grading stopped before every test had run; nothing was written", file=sys.stderr)
        return 130
    if args.results:
        results.write_atomic(args.results, report.to_json())
    if args.report:
        results.write_report(args.report, report)
    if args.quiet:
        print(f"Total: {report.score:g} / {report.max_score:g}")
    else:
        print(feedback.table(report))
    return 2 if report.problems else 0


def _has_instructor_tools() -> bool:
    """The student bundle ships the engine without instructor tooling (see catalogue.LAYOUT)."""
    import importlib.util

    return importlib.util.find_spec("autograder.packaging") is not None


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
