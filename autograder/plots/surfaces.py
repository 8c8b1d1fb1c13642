"""Figures on a surface seen from above: a01's gradient field, a02's descent paths on the bowl and on two wells."""

from __future__ import annotations

import numpy as np

from autograder.drivers import figures as drv
from autograder.plots import style
from autograder.plots.validate import array, parts

# ---------------------------------------------------------------------------------------------- a01

# The source tutorial's grids (course reference values): contours on arange(-3, 3.01, 0.02), arrows drawn with
# quiver(scale=50). The arrows' own grid is gradient_field's default, arange(-2.5, 2.6, 0.5): 11 x 11.
A01_CONTOUR = np.arange(-3, 3.01, 0.02)
A01_ARROW_SCALE = 50
A01_MAX_ARROWS = 10_000


def gradient_field_data(src) -> dict:
    X, Y = np.meshgrid(A01_CONTOUR, A01_CONTOUR)
    Z = array(src.call("fun_z", X, Y), X.shape, "fun_z")
    field = parts(src.call("gradient_field"), 4, "gradient_field()")
    first = array(field[0], (None, None), "gradient_field()")
    if first.size > A01_MAX_ARROWS:
        from autograder.plots.sources import Skip

        raise Skip(f"gradient_field() returned {first.size} arrows, more than a figure can show")
    AX, AY, U, V = (array(a, first.shape, "gradient_field()") for a in field)
    return {"X": X, "Y": Y, "Z": Z, "AX": AX, "AY": AY, "U": U, "V": V}


def gradient_field_figure(d: dict):
    fig = style.new_figure(7.2, 6.2)
    with style.styled():
        ax = fig.add_subplot()
        filled = ax.contourf(d["X"], d["Y"], d["Z"], levels=np.linspace(-1, 1, 11), cmap=style.CMAP, extend="both")
        bar = fig.colorbar(filled, ax=ax, shrink=0.9, ticks=np.linspace(-1, 1, 5))
        bar.set_label("height z = sin(x² + y²)")
        arrows = ax.quiver(d["AX"], d["AY"], d["U"], d["V"], scale=A01_ARROW_SCALE, color="white",
                           edgecolor="black", linewidth=0.6, width=0.006, zorder=3)
        ax.quiverkey(arrows, 0.97, -0.075, 4, "arrow for |∇z| = 4", labelpos="W", coordinates="axes", color="black")
        rows, cols = d["AX"].shape
        style.heading(fig, "Gradient vectors point towards steepest ascent\n"
                           f"z = sin(x² + y²) in colour, its gradient at {rows} × {cols} points as arrows")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.set_box_aspect(1)
        ax.set_xlim(-3, 3)
        ax.set_ylim(-3, 3)
    return fig


# ---------------------------------------------------------------------------------------------- a02

# theta_k = (1 - 2 alpha)^k theta_0 on the bowl: each rate is in its own regime (handout, "The learning rate ...").
A02_START = (3.0, -4.0)
A02_RATES = ((0.05, "slow"), (0.3, "fast"), (0.9, "oscillating"), (1.05, "divergent"))
A02_STEPS = 12
A02_GRID = np.linspace(-7, 7, 57)
A02_LIMIT = 7.0

# A non-convex cost J = (t1^2 - 1)^2 + t2^2: minima at (-1, 0) and (1, 0), a saddle point at (0, 0).
WELL_STARTS = ((-0.35, 1.8), (0.25, -1.8), (0.0, 1.9))
WELL_LABELS = ("start A: ends in the left minimum", "start B: ends in the right minimum",
               "start C: stops at the saddle point")
WELL_RATE, WELL_STEPS = 0.05, 80
WELL_X, WELL_Y = np.linspace(-2.1, 2.1, 169), np.linspace(-2.1, 2.1, 169)


def descent_data(src) -> dict:
    Z = array(src.run(drv.bowl_surface, A02_GRID, A02_GRID, needs="bowl"), (len(A02_GRID),) * 2, "bowl")
    paths = [array(src.run(drv.bowl_descent, A02_START, lr, A02_STEPS, needs="gradient_descent"),
                   (A02_STEPS + 1, 2), "gradient_descent")
             for lr, _ in A02_RATES]
    return {"Z": Z, "paths": paths}


def descent_figure(d: dict):
    fig = style.new_figure(12.0, 8.4, "Gradient descent on the bowl J(θ) = θ₁² + θ₂² from θ₀ = (3, −4): "
                                      "θₖ = (1 − 2α)ᵏ θ₀")
    X, Y = np.meshgrid(A02_GRID, A02_GRID)
    with style.styled():
        axes = fig.subplot_mosaic([["0", "1", "2", "3"], ["k", "k", "k", "k"]], height_ratios=[1.15, 0.85])
        for k, ((lr, regime), path) in enumerate(zip(A02_RATES, d["paths"])):
            ax = axes[str(k)]
            ax.contourf(X, Y, d["Z"], levels=[0, 1, 4, 9, 16, 25, 36, 49, 64], cmap=style.CMAP, alpha=0.5,
                        extend="max")
            shown = np.clip(path, -1e3, 1e3)
            ax.plot(shown[:, 0], shown[:, 1], color=style.COLORS[k], linestyle=style.LINESTYLES[k],
                    marker=style.MARKERS[k], markersize=6, markeredgecolor="white", markeredgewidth=0.8)
            ax.plot(*shown[0], marker="*", markersize=15, color="white", markeredgecolor="black", linestyle="none")
            ax.plot(0, 0, marker="+", markersize=13, markeredgewidth=2.5, color="black", linestyle="none")
            factor = f"{1 - 2 * lr:+.1f}".replace("-", "−")
            ax.set_title(f"α = {lr:g}: {regime}\n1 − 2α = {factor}", fontsize=12)
            ax.set_xlim(-A02_LIMIT, A02_LIMIT)
            ax.set_ylim(-A02_LIMIT, A02_LIMIT)
            ax.set_box_aspect(1)
            ax.set_xlabel("θ₁")
            ax.set_ylabel("θ₂", labelpad=0)
        ax = axes["k"]
        steps = np.arange(A02_STEPS + 1)
        for k, ((lr, regime), path) in enumerate(zip(A02_RATES, d["paths"])):
            ax.plot(steps, np.clip(path[:, 0], -1e3, 1e3), color=style.COLORS[k], linestyle=style.LINESTYLES[k],
                    marker=style.MARKERS[k], label=f"α = {lr:g}: {regime}")
        ax.axhline(0, color="0.3", linewidth=1)
        ax.set_ylim(-A02_LIMIT - 3, A02_LIMIT + 3)
        ax.set_xlim(0, A02_STEPS)
        ax.set_title("the first coordinate θ₁ after each step (★ start, + minimum in the panels above)", loc="left",
                     fontsize=12)
        ax.set_xlabel("step k")
        ax.set_ylabel("θ₁ after k steps")
        fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncol=4)
    return fig


def wells_data(src) -> dict:
    paths = [array(src.call("gradient_descent", drv.double_well_gradient, np.array(start), WELL_RATE, WELL_STEPS),
                   (WELL_STEPS + 1, 2), "gradient_descent")
             for start in WELL_STARTS]
    return {"paths": paths}


def wells_figure(d: dict):
    fig = style.new_figure(7.4, 7.2)
    X, Y = np.meshgrid(WELL_X, WELL_Y)
    Z = (X**2 - 1) ** 2 + Y**2
    with style.styled():
        ax = fig.add_subplot()
        filled = ax.contourf(X, Y, Z, levels=np.linspace(0, 6, 13), cmap=style.CMAP, extend="max")
        fig.colorbar(filled, ax=ax, shrink=0.9).set_label("cost J(θ)")
        for k, (path, label) in enumerate(zip(d["paths"], WELL_LABELS)):
            shown = np.clip(path, -1e3, 1e3)
            ax.plot(shown[:, 0], shown[:, 1], color=style.COLORS[k + 1], linestyle=style.LINESTYLES[k], linewidth=2.8,
                    marker=style.MARKERS[k], markevery=8, markeredgecolor="white", label=label)
            ax.annotate("ABC"[k], shown[0], xytext=(8, 0), textcoords="offset points", color="white",
                        fontsize=14, fontweight="bold", va="center")
        ax.plot([-1, 1], [0, 0], marker="*", markersize=16, color="white", markeredgecolor="black",
                linestyle="none", label="minima (±1, 0)")
        ax.plot(0, 0, marker="X", markersize=12, color="white", markeredgecolor="black", linestyle="none",
                label="saddle point (0, 0)")
        style.heading(fig, "Two minima and a saddle point\n"
                           f"J(θ) = (θ₁² − 1)² + θ₂², {WELL_STEPS} steps with α = {WELL_RATE:g}")
        ax.set_xlabel("θ₁")
        ax.set_ylabel("θ₂")
        ax.set_box_aspect(1)  # a square box on equal ranges: equal scales, and the layout keeps room for the title
        ax.set_xlim(WELL_X[0], WELL_X[-1])
        ax.set_ylim(WELL_Y[0], WELL_Y[-1])
        fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncol=2, fontsize=10)
    return fig
