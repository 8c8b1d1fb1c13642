"""`make plots`: every figure carries the artists it promises, its PNG is reproducible, and a submission's figures
come from the sandbox, with one line for each figure that could not be drawn."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
from matplotlib.contour import QuadContourSet
from matplotlib.patches import FancyBboxPatch
from matplotlib.quiver import Quiver

from autograder.catalogue import BY_FOLDER, CATALOGUE
from autograder.plots import draw, figures, sources, style
from autograder.plugin import GradingContext
from support import ROOT, bank_source

SPECS = {spec.name: spec for spec in figures.FIGURES}
HOSTILE = ROOT / "tests" / "hostile"
BANKS = ROOT / "tests" / "banks"


@pytest.fixture(scope="module")
def reference_data():
    """Every figure's data from the reference solutions, imported here as `make plots` does."""
    context = GradingContext(str(ROOT / "solutions"))
    return {spec.name: spec.compute(sources.LocalSource(context.reference(spec.folder))) for spec in figures.FIGURES}


def _plots(*args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "autograder", "plots", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def _panels(fig):
    """The axes that show data (not colorbars)."""
    return [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]


def _lines(ax, n=None):
    """Data lines of ax (not the zero line or guides of one or two points), optionally only those of n points."""
    return [line for line in ax.get_lines() if len(line.get_xdata()) > 2 and (n is None or len(line.get_xdata()) == n)]


def _legend_labels(fig):
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
    return [t.get_text() for legend in legends for t in legend.get_texts()]


# --------------------------------------------------------------------------- the reference figures


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_figure_has_a_title_and_labelled_axes(reference_data, name):
    fig = SPECS[name].draw(reference_data[name])
    titles = [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center")] + [fig.get_suptitle()]
    # a title, for the figure or for every panel
    assert any(titles), name
    for ax in _panels(fig):
        if ax.axison:
            # both axes say what they show
            assert ax.get_xlabel() and ax.get_ylabel(), f"{name}: a panel without axis labels"


def test_gradient_field_shows_every_arrow_over_filled_contours(reference_data):
    d = reference_data["gradient_field"]
    fig = SPECS["gradient_field"].draw(d)
    ax = _panels(fig)[0]
    quiver = [c for c in ax.collections if isinstance(c, Quiver)]
    # one arrow per point of gradient_field's default 11 x 11 grid, with the reference's scale
    assert len(quiver) == 1 and quiver[0].N == 121 and quiver[0].scale == 50
    assert np.allclose(quiver[0].U, d["U"].ravel()) and np.allclose(quiver[0].V, d["V"].ravel())
    # the surface as filled contours, with a labelled colour bar
    assert any(isinstance(c, QuadContourSet) and c.filled for c in ax.collections)
    assert "sin(x² + y²)" in [a for a in fig.axes if a.get_label() == "<colorbar>"][0].get_ylabel()


def test_descent_paths_show_four_regimes(reference_data):
    fig = SPECS["learning_rates"].draw(reference_data["learning_rates"])
    panels = _panels(fig)
    steps = len(reference_data["learning_rates"]["paths"][0])
    # four panels of contours with one path each, and one panel of theta_1 against k with four lines
    assert len(panels) == 5
    assert [len(_lines(ax, steps)) for ax in panels] == [1, 1, 1, 1, 4]
    regimes = [label.split(":")[1].strip() for label in _legend_labels(fig)]
    assert regimes == ["slow", "fast", "oscillating", "divergent"]
    # the divergent path leaves the bowl, the slow one does not
    paths = reference_data["learning_rates"]["paths"]
    assert np.linalg.norm(paths[3][-1]) > np.linalg.norm(paths[3][0]) > np.linalg.norm(paths[0][-1])


def test_two_minima_paths_end_where_the_legend_says(reference_data):
    d = reference_data["two_minima"]
    fig = SPECS["two_minima"].draw(d)
    # three paths and the markers for two minima and a saddle point, all in the legend
    assert len(_lines(_panels(fig)[0], len(d["paths"][0]))) == 3
    assert len(_legend_labels(fig)) == 5
    assert np.allclose([p[-1] for p in d["paths"]], [(-1, 0), (1, 0), (0, 0)], atol=1e-2)


def test_step_size_figure_compares_centered_with_forward_on_log_axes(reference_data):
    d = reference_data["step_size"]
    fig = SPECS["step_size"].draw(d)
    ax = _panels(fig)[0]
    # log-log, two error curves of one point per h, two slope guides, all in the legend
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert len(_lines(ax, len(d["h"]))) == 2 and len(_legend_labels(fig)) == 4
    # centered differences beat forward ones at the default step
    at = np.argmin(np.abs(d["h"] - 1e-5))
    assert d["centered"][at] < d["forward"][at] / 100


@pytest.mark.parametrize("name, runs", [("cost_curves", 3), ("sgd_vs_batch", 3)])
def test_training_figures_show_each_run_twice(reference_data, name, runs):
    fig = SPECS[name].draw(reference_data[name])
    left, right = _panels(fig)
    cost_axis = left if name == "sgd_vs_batch" else right
    # cost per epoch on a log axis: one line per run, plus the lowest possible cost
    assert cost_axis.get_yscale() == "log" and len(_lines(cost_axis)) == runs
    assert len(_legend_labels(fig)) >= runs + 1
    # the path of w over the cost curve: the curve and one path per run
    path_axis = right if name == "sgd_vs_batch" else left
    assert len(_lines(path_axis)) == runs + 1


def test_sigmoid_figure(reference_data):
    fig = SPECS["sigmoid"].draw(reference_data["sigmoid"])
    ax = _panels(fig)[0]
    # sigma and its derivative, solid and dashed, both in the legend
    assert [line.get_linestyle() for line in _lines(ax, 321)] == ["-", "--"]
    assert len(_legend_labels(fig)) == 2


def test_xor_figure(reference_data):
    d = reference_data["xor"]
    fig = SPECS["xor"].draw(d)
    left, right = _panels(fig)
    # the training cost falls, on a log axis; the four XOR points sit on the learned regions
    assert left.get_yscale() == "log" and len(_lines(left, len(d["losses"]))) == 1
    assert d["losses"][-1] < d["losses"][0] / 100
    assert sum(len(c.get_offsets()) for c in right.collections if c.get_offsets().shape[1:] == (2,)
               and not isinstance(c, QuadContourSet)) == 4
    assert len(_legend_labels(fig)) >= 2


def test_add_mul_graph_writes_values_and_gradients_on_its_edges(reference_data):
    fig = SPECS["graph_add_mul"].draw(reference_data["graph_add_mul"])
    texts = " | ".join(t.get_text() for t in _panels(fig)[0].texts)
    # the forward value f and the three gradients of the course notes' example
    for shown in ("f = −12", "∂f/∂x = −4", "∂f/∂y = −4", "∂f/∂z = 3", "q = 3"):
        assert shown in texts
    # five edges: x, y into +, q and z into ×, × into f
    assert sum(1 for t in _panels(fig)[0].texts if getattr(t, "arrow_patch", None) is not None) == 5


def test_value_graph_labels_every_node_with_data_and_grad(reference_data):
    d = reference_data["value_graph"]
    fig = SPECS["value_graph"].draw(d)
    ax = _panels(fig)[0]
    # six nodes (a, b, c and three results), six edges, a data and a grad for each node
    assert len(d["nodes"]) == 6 and len(d["edges"]) == 6
    assert sum(isinstance(p, FancyBboxPatch) for p in ax.patches) == 6
    assert sum(1 for t in ax.texts if t.get_text().startswith("grad ")) == 6
    # b is used twice: its gradient is the sum of both paths, d + a * b'... = 4 + (-3)(2) = -2
    assert dict((n[0], n[2]) for n in d["nodes"])["b"] == -2


def test_derivatives_figure_draws_the_tapes_curves_over_the_closed_forms(reference_data):
    d = reference_data["derivatives"]
    ax = _panels(SPECS["derivatives"].draw(d))[0]
    # f, f' and f'' from derivatives(), one point per x, and a row of circles at each closed form
    assert len(_lines(ax, len(d["x"]))) == 3
    assert sum(1 for line in ax.get_lines() if line.get_marker() == "o" and line.get_linestyle() == "None") == 3
    # the reference's nested tapes give the closed forms
    x = d["x"]
    assert np.allclose(d["df"], np.sin(x) + x * np.cos(x)) and np.allclose(d["d2f"], 2 * np.cos(x) - x * np.sin(x))


def test_newton_figure_says_how_many_steps_each_method_needs(reference_data):
    d = reference_data["newton_vs_descent"]
    fig = SPECS["newton_vs_descent"].draw(d)
    left, right = _panels(fig)
    # the distances on a log axis, one line per method, and the step counts the handout quotes in the legend
    assert right.get_yscale() == "log" and len(_lines(right)) == 2
    assert {"Newton: 5 steps", "gradient descent: 21 steps"} <= set(_legend_labels(fig))
    # f and both methods' first steps on it
    assert len(left.get_lines()) >= 3


def test_pngs_are_reproducible_byte_for_byte(reference_data, tmp_path):
    for name in ("gradient_field", "cost_curves", "value_graph"):
        first, second = tmp_path / f"{name}-1.png", tmp_path / f"{name}-2.png"
        style.save(SPECS[name].draw(reference_data[name]), first)
        style.save(SPECS[name].draw(reference_data[name]), second)
        # the same data gives the same bytes, and no date or version is written into them
        assert first.read_bytes() == second.read_bytes(), name
        assert b"Software" not in first.read_bytes() and b"Matplotlib" not in first.read_bytes()


def test_every_figure_is_committed_and_embedded_in_its_handout():
    for spec in figures.FIGURES:
        path = draw.reference_path(spec)
        # drawn by `make plots`, small enough to ship
        assert path.is_file() and 10_000 < path.stat().st_size < 400_000, path
        # the handout shows it
        assert f"](figures/{spec.filename})" in BY_FOLDER[spec.folder].handout().read_text(encoding="utf-8"), spec.name
    committed = {p.name for a in CATALOGUE for p in (ROOT / "assignments" / a.folder / "figures").glob("*")}
    assert committed == {spec.filename for spec in figures.FIGURES}


# --------------------------------------------------------------------------- a submission's figures


def _skips(stdout: str) -> dict[str, str]:
    """'a02: descent paths skipped: gradient_descent not implemented yet' -> {"descent paths": "gradient_..."}."""
    return dict(re.findall(r"^a\d\d: (.+?) skipped: (.*)$", stdout, flags=re.M))


def test_the_stubs_draw_nothing_and_say_what_each_figure_waits_for(tmp_path):
    proc = _plots("--submission", str(ROOT / "assignments"), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    skips = _skips(proc.stdout)
    # every figure is skipped, each with the function it waits for
    assert set(skips) == {spec.title for spec in figures.FIGURES}
    assert all(reason.endswith("not implemented yet") for reason in skips.values()), skips
    assert skips["descent paths"] == "bowl not implemented yet"
    assert skips["gradient field"] == "fun_z not implemented yet"
    assert skips["the graph backward() walks"].startswith("Value.")
    assert not list(tmp_path.rglob("*.png")) and f"drew 0 of {len(figures.FIGURES)} figures" in proc.stdout


def test_a_partly_solved_submission_draws_what_it_can(tmp_path, reference_data):
    student = tmp_path / "student"
    for a in CATALOGUE[:3]:  # correct, importing standard modules the sandbox does not load ahead of time
        (student / a.folder).mkdir(parents=True)
        stdlib = ROOT / "tests" / "banks" / a.folder / "right_stdlib_imports.py"
        (student / a.folder / a.filename).write_text(bank_source(stdlib, a.solution()), encoding="utf-8")
    for a in CATALOGUE[3:7]:
        shutil.copytree(ROOT / "assignments" / a.folder, student / a.folder)
    # a08 is not submitted at all
    proc = _plots("--submission", str(student))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "my_figures"  # the default: beside the submission
    drawn = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.png"))
    solved = {a.folder for a in CATALOGUE[:3]}
    expected = sorted(f"{s.folder}/{s.filename}" for s in figures.FIGURES if s.folder in solved)
    assert drawn == expected
    skips = _skips(proc.stdout)
    assert skips["training on XOR"] == "forward not implemented yet"
    assert skips["the graph backward() walks"].startswith("not submitted: a08_autograd/autograd.py was not found")
    # the submission's figure is the reference's, pixel for pixel, when its code is right
    again = tmp_path / "reference.png"
    style.save(SPECS["gradient_field"].draw(reference_data["gradient_field"]), again)
    assert (out / "a01_gradients" / "gradient_field.png").read_bytes() == again.read_bytes()


HOSTILE_A01 = {
    "memory_hog": "fun_z: used more than 256 MB",
    "garbage_answer": "fun_z: the sandbox answered with malformed data",
    "loop_in_gradient_field": "gradient_field: took longer than 3 s",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_A01))
def test_a_hostile_submission_loses_its_figure_and_nothing_else(tmp_path, case):
    student = tmp_path / case
    if case == "loop_in_gradient_field":
        (student / "a01_gradients").mkdir(parents=True)
        solution = BY_FOLDER["a01_gradients"].solution().read_text(encoding="utf-8")
        looping = solution.replace("    # BEGIN SOLUTION\n    default =",
                                   "    while True:\n        pass\n    default =")
        (student / "a01_gradients" / "gradients.py").write_text(looping, encoding="utf-8")
    else:
        shutil.copytree(HOSTILE / case, student)
    shutil.copytree(ROOT / "solutions" / "a02_gradient_descent", student / "a02_gradient_descent")
    proc = _plots("--submission", str(student), "--out", str(tmp_path / "out"), "--only", "a01_gradients",
                  "--only", "a02_gradient_descent")
    # drawing completes; a01's figure is left out with the reason, a02's are drawn
    assert proc.returncode == 0, proc.stderr
    assert _skips(proc.stdout)["gradient field"].startswith(HOSTILE_A01[case]), proc.stdout
    assert len(list((tmp_path / "out").rglob("*.png"))) == 2


def test_wrong_code_draws_a_wrong_figure(tmp_path):
    """The figures come from the student's code: arrows that point downhill are drawn pointing downhill."""
    a = BY_FOLDER["a01_gradients"]
    (tmp_path / a.folder).mkdir()
    source = bank_source(BANKS / a.folder / "wrong_field_downhill.py", a.solution())
    (tmp_path / a.folder / a.filename).write_text(source, encoding="utf-8")
    context = GradingContext(str(tmp_path))
    reference = GradingContext(str(ROOT / "solutions")).reference(a.folder)
    source = sources.SandboxSource(context, a.folder)
    try:
        got = SPECS["gradient_field"].compute(source)
    finally:
        source.close()
        context.close()
    want = SPECS["gradient_field"].compute(sources.LocalSource(reference))
    assert np.allclose(got["U"], -want["U"]) and np.allclose(got["V"], -want["V"])


def test_the_step_size_figure_measures_with_the_submissions_own_rel_error(tmp_path):
    """a03's figure holds no copy of the rel_error answer: both curves are measured by the module's own rel_error,
    and a submission without one draws no such figure."""
    a = BY_FOLDER["a03_numerical_gradient"]
    solution = a.solution().read_text(encoding="utf-8")
    answer = "    return float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y))))\n"
    assert solution.count(answer) == 1
    reference = SPECS["step_size"].compute(sources.LocalSource(GradingContext(str(ROOT / "solutions")).reference(a.folder)))
    for name, body, scale in (("doubled", answer.replace("return float(", "return 2 * float("), 2.0),
                              ("missing", '    raise NotImplementedError("rel_error: not implemented yet")\n', None)):
        (tmp_path / name / a.folder).mkdir(parents=True)
        (tmp_path / name / a.folder / a.filename).write_text(solution.replace(answer, body), encoding="utf-8")
        context = GradingContext(str(tmp_path / name))
        source = sources.SandboxSource(context, a.folder)
        try:
            if scale is None:
                with pytest.raises(sources.Skip, match="rel_error not implemented yet"):
                    SPECS["step_size"].compute(source)
                continue
            got = SPECS["step_size"].compute(source)
        finally:
            source.close()
            context.close()
        for curve in ("centered", "forward"):
            measured = reference[curve] > 1e-16
            assert np.allclose(got[curve][measured], scale * reference[curve][measured], rtol=1e-12), curve


def test_a_submissions_figures_never_go_over_the_handouts(tmp_path):
    proc = _plots("--submission", str(ROOT / "solutions"), "--out", str(ROOT / "assignments"))
    # refused before anything runs
    assert proc.returncode == 2 and "inside assignments/" in proc.stderr
    assert _plots("--only", "a99_nothing").returncode == 2


def test_drawing_is_refused_where_a_submission_could_read_the_solutions(tmp_path):
    env = {**os.environ, "GD_SANDBOX_DISABLE": "landlock,root"}
    proc = subprocess.run([sys.executable, "-m", "autograder", "plots", "--submission", str(ROOT / "assignments"),
                           "--out", str(tmp_path), "--only", "a01_gradients"], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)
    # the same refusal as grading, before any submitted code runs, and nothing drawn
    assert proc.returncode == 2 and "refusing" in proc.stderr, proc.stdout + proc.stderr
    assert not list(tmp_path.rglob("*.png"))


def test_drivers_hold_no_expected_values():
    """The figure drivers ship to students: they take their inputs as arguments and import only numpy and stdlib."""
    tree = ast.parse((ROOT / "autograder" / "drivers" / "figures.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"functools", "numpy", "autograder.drivers"}
