"""How every figure looks, and how it is written: readable, colour-blind safe, reproducible byte for byte."""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")  # no screen needed; must come before anything imports pyplot

from cycler import cycler  # noqa: E402  (matplotlib's own dependency)
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

DPI = 100  # 100 dots per inch: a 9 x 4.5 inch figure is 900 x 450 pixels, sharp on a laptop, small on disk
CMAP = "viridis"  # perceptually uniform, readable in greyscale and by colour-blind readers
# Okabe and Ito's colour-blind safe palette, each colour paired with its own line style and marker
COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (1, 1)), "-")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
FORWARD, BACKWARD = "#0072B2", "#D55E00"  # values flowing forward, gradients flowing backward

RC = {
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "legend.fontsize": 10.5,
    "xtick.labelsize": 10.5,
    "ytick.labelsize": 10.5,
    "figure.titlesize": 14,
    "axes.prop_cycle": cycler(color=COLORS[:4]) + cycler(linestyle=LINESTYLES[:4]),
    "lines.linewidth": 2.0,
    "lines.markersize": 6,
    "image.cmap": CMAP,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.framealpha": 0.9,
    "savefig.dpi": DPI,
    "figure.dpi": DPI,
    "svg.hashsalt": "gradient-descent-unit",  # fixed ids, should a figure ever be saved as SVG
    "path.simplify": True,
}


def new_figure(width: float, height: float, title: str | None = None) -> Figure:
    """A figure of width x height inches, laid out so that labels never overlap, with an optional overall title."""
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)  # rendered with Agg, as it will be saved: layout measures text with the same renderer
        if title:
            fig.suptitle(title, fontweight="bold")
    return fig


def heading(fig: Figure, text: str) -> None:
    """A single-panel figure's title, left-aligned above everything (the layout always keeps room for it)."""
    with matplotlib.rc_context(RC):
        fig.suptitle(text, x=0.015, ha="left", fontsize=RC["axes.titlesize"])


def warm_up() -> None:
    """Build matplotlib's mathtext parser once (log axes label ticks as 10^k with it): forked drawers inherit it."""
    from matplotlib.mathtext import MathTextParser

    MathTextParser("agg").parse(r"$10^{-1}$", dpi=DPI)


def styled():
    """The style as a context manager: artists take their fonts and colours from it when they are made."""
    return matplotlib.rc_context(RC)


def save(fig: Figure, path: str | os.PathLike) -> None:
    """Write fig as a PNG at `path`, atomically; the same figure gives the same bytes (no date, no version)."""
    path = os.fspath(path)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    partial = path + ".partial"
    with styled():
        fig.savefig(partial, format="png", dpi=DPI, metadata={"Software": None})
    os.replace(partial, path)
