"""Figures of a09: f, f' and f'' from nested tapes, and Newton's method against gradient descent."""

from __future__ import annotations

import numpy as np

from autograder.drivers import a09_gradient_tape as drv
from autograder.plots import style
from autograder.plots.validate import array

FLOOR = 1e-17  # a distance of exactly 0 cannot sit on a log axis: it is drawn here, below every real distance

# ---------------------------------------------------------------------------------------------- f, f', f''

A09_XS = np.linspace(-6.0, 6.0, 121)


def derivatives_data(src) -> dict:
    """The module's derivatives(f, x) for f(x) = x sin x at every x of A09_XS: rows f, f', f''."""
    rows = array(src.run(drv.derivative_curves, drv.x_sin_x, A09_XS.copy(), needs="derivatives"),
                 (3, len(A09_XS)), "derivatives")
    return {"x": A09_XS.copy(), "f": rows[0], "df": rows[1], "d2f": rows[2]}


def derivatives_figure(d: dict):
    x = d["x"]
    closed = (x * np.sin(x), np.sin(x) + x * np.cos(x), 2 * np.cos(x) - x * np.sin(x))
    fig = style.new_figure(9.6, 5.2)
    with style.styled():
        ax = fig.add_subplot()
        labels = ("f(x) = x·sin x", "f′(x): a tape around f", "f″(x): a tape around that tape's gradient call")
        for k, (key, label) in enumerate(zip(("f", "df", "d2f"), labels)):
            ax.plot(x, d[key], color=style.COLORS[k], linestyle=style.LINESTYLES[k], label=label)
        every = slice(0, len(x), 5)
        for k, curve in enumerate(closed):
            ax.plot(x[every], curve[every], linestyle="none", marker="o", markersize=4.5, markerfacecolor="none",
                    markeredgecolor="0.15", markeredgewidth=1.0,
                    label="closed forms: sin x + x cos x, 2 cos x − x sin x" if k == 0 else None)
        ax.axhline(0.0, color="0.6", linewidth=0.8)
        style.heading(fig, "x·sin x and its first two derivatives, from nested gradient tapes")
        ax.set_xlabel("x")
        ax.set_ylabel("value")
        ax.set_xlim(x[0], x[-1])
        ax.legend(loc="upper center", fontsize=9.5, ncol=2)
    return fig


# ---------------------------------------------------------------------------------------------- Newton

A09_X0, A09_LR, A09_NEWTON_STEPS, A09_GD_STEPS = 2.0, 0.3, 8, 30
A09_MINIMUM = float(np.log(2.0))  # e^x - 2x is smallest where e^x = 2
A09_CLOSE = 1e-8                  # "converged": within this distance of the minimum


def newton_data(src) -> dict:
    newton = array(src.call("newton", drv.exp_minus_2x, A09_X0, A09_NEWTON_STEPS), (A09_NEWTON_STEPS + 1,), "newton")
    descent = array(src.call("gradient_descent", drv.exp_minus_2x, A09_X0, A09_LR, A09_GD_STEPS),
                    (A09_GD_STEPS + 1,), "gradient_descent")
    return {"newton": newton, "descent": descent}


def steps_to_converge(xs: np.ndarray) -> int | None:
    """The first k with |xs[k] - ln 2| < A09_CLOSE, or None."""
    close = np.flatnonzero(np.abs(xs - A09_MINIMUM) < A09_CLOSE)
    return int(close[0]) if close.size else None


def newton_figure(d: dict):
    runs = (("Newton: x − f′(x)/f″(x)", d["newton"]),
            (f"gradient descent: x − {A09_LR:g}·f′(x)", d["descent"]))
    fig = style.new_figure(11.0, 5.0,
                           f"Minimising f(x) = eˣ − 2x from x₀ = {A09_X0:g}: Newton against gradient descent")
    with style.styled():
        left, right = fig.subplots(1, 2)
        grid = np.linspace(-0.6, 2.3, 200)
        left.plot(grid, np.exp(grid) - 2 * grid, color="0.3", linewidth=1.5, label="f(x)")
        for k, (label, xs) in enumerate(runs):
            shown = np.clip(xs[:8], grid[0], grid[-1])
            left.plot(shown, np.exp(shown) - 2 * shown, color=style.COLORS[k], linestyle=style.LINESTYLES[k],
                      marker=style.MARKERS[k], linewidth=1.2, markersize=7 - 1.5 * k, label=label)
        left.axvline(A09_MINIMUM, color="0.5", linewidth=1, linestyle=":")
        left.set_title("the first 7 steps on f", loc="left")
        left.set_xlabel("x")
        left.set_ylabel("f(x)")
        for k, (label, xs) in enumerate(runs):
            steps = steps_to_converge(xs)
            said = f"{steps} steps" if steps is not None else f"not within {A09_CLOSE:g} in {len(xs) - 1} steps"
            right.semilogy(np.arange(len(xs)), np.maximum(np.abs(xs - A09_MINIMUM), FLOOR), color=style.COLORS[k],
                           linestyle=style.LINESTYLES[k], marker=style.MARKERS[k], markersize=5,
                           label=f"{label.split(':')[0]}: {said}")
        right.axhline(A09_CLOSE, color="0.5", linewidth=1, linestyle=":")
        right.text(len(d["descent"]) - 1, A09_CLOSE * 3, f"{A09_CLOSE:g}", ha="right", fontsize=10, color="0.3")
        right.set_title("distance to the minimum ln 2 after each step", loc="left")
        right.set_xlabel("step k")
        right.set_ylabel("|xₖ − ln 2| (log scale)")
        right.set_ylim(FLOOR / 3, 10)
        right.legend(loc="upper right", fontsize=10)
        fig.legend(*left.get_legend_handles_labels(), loc="outside lower center", ncol=3)
    return fig
