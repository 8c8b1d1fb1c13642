"""Figures of curves: a03's error against h, a04's and a05's costs per epoch, a06's sigmoid, a07's XOR network."""

from __future__ import annotations

import numpy as np

from autograder.drivers import figures as drv
from autograder.plots import style
from autograder.plots.validate import array, number, parts

FLOOR = 1e-17  # an error of exactly 0 cannot sit on a log axis: it is drawn here, below every real error

# ---------------------------------------------------------------------------------------------- a03

# The calibration point of the course reference values: f = sum(x sin x) at [[1, 2, 3], [-1, .5, 2.5]].
A03_X = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.5]])
A03_STEPS = np.logspace(-13, 0, 40)
A03_DEFAULT_H = 1e-5


def _f(x):
    return float(np.sum(x * np.sin(x)))


def step_size_data(src) -> dict:
    """Both curves' errors, each measured by the module's own rel_error (the reference's for the handout's figure,
    the student's for theirs): the engine ships no answer of a03, and the curve says what the student's own
    gradient check would say. The centered gradients are the module's eval_numerical_gradient; the forward ones
    are computed here, so that curve is always the textbook one."""
    exact = np.sin(A03_X) + A03_X * np.cos(A03_X)
    centered, forward = [], []
    for h in A03_STEPS:
        centered.append(array(src.call("eval_numerical_gradient", drv.sum_x_sin_x, A03_X.copy(), float(h)),
                              A03_X.shape, "eval_numerical_gradient"))
        ahead = np.array([(_f(A03_X + h * e) - _f(A03_X)) / h for e in np.eye(A03_X.size).reshape(-1, *A03_X.shape)])
        forward.append(ahead.reshape(A03_X.shape))
    centered = [number(src.call("rel_error", grad, exact.copy()), "rel_error") for grad in centered]
    forward = [number(src.call("rel_error", grad, exact.copy()), "rel_error") for grad in forward]
    return {"h": A03_STEPS.copy(), "centered": np.maximum(centered, FLOOR), "forward": np.maximum(forward, FLOOR)}


def step_size_figure(d: dict):
    fig = style.new_figure(8.4, 5.6)
    h = d["h"]
    with style.styled():
        ax = fig.add_subplot()
        ax.loglog(h, d["forward"], color=style.COLORS[1], linestyle="--", marker="s", markersize=5,
                  label="forward (f(x+h) − f(x)) / h")
        ax.loglog(h, d["centered"], color=style.COLORS[0], linestyle="-", marker="o", markersize=5,
                  label="centered (f(x+h) − f(x−h)) / 2h: eval_numerical_gradient")
        big = h >= 1e-4  # where truncation error dominates; the guides hang from the forward curve, drawn here
        ref_h, anchor = h[big][-3], d["forward"][big][-3]
        for order, ls, scale in ((1, ":", 3.0), (2, "-.", 0.3)):
            ax.loglog(h[big], anchor * scale * (h[big] / ref_h) ** order, color="0.35", linestyle=ls, linewidth=1.5,
                      label=f"slope {order}: error ∝ h{'¹²'[order - 1]}")
        ax.axvline(A03_DEFAULT_H, color="0.5", linewidth=1, linestyle=(0, (1, 2)))
        ax.text(A03_DEFAULT_H / 1.4, 3e-2, "the default h = 10⁻⁵", fontsize=10, color="0.25", ha="right")
        ax.text(1.5e-13, 1e-11, "left of each dip, rounding wins:\nthe error grows like ε/h as h shrinks",
                fontsize=10, color="0.25")
        style.heading(fig, "Gradient check on f(x) = Σ x·sin x: relative error against the step h")
        ax.set_xlabel("step h")
        ax.set_ylabel("relative error to the exact gradient")
        ax.set_ylim(1e-14, 10)
        ax.legend(loc="lower right", fontsize=9.5)
    return fig


# ---------------------------------------------------------------------------------------------- a04

# The course reference values' noisy data: y = w x with optimum w* = 2.0357142857.
A04_XS, A04_YS = np.array([1.0, 2.0, 3.0]), np.array([2.1, 3.9, 6.2])
A04_W0, A04_EPOCHS = 1.0, 40
A04_RATES = ((0.01, "slow"), (0.1, "fast"), (0.2, "zig-zag"))
A04_WS = np.linspace(0.6, 3.4, 113)


def linear_data(src) -> dict:
    curve = array(src.run(drv.cost_curve, A04_WS, A04_XS.copy(), A04_YS.copy(), needs="cost"), A04_WS.shape, "cost")
    runs = []
    for lr, _ in A04_RATES:
        w, costs = parts(src.call("train_gd", A04_XS.copy(), A04_YS.copy(), A04_W0, lr, A04_EPOCHS), 2, "train_gd")
        number(w, "train_gd")
        costs = array(costs, (A04_EPOCHS,), "train_gd")
        ws = array(src.run(drv.weights_by_epoch, "train_gd", (A04_XS.copy(), A04_YS.copy()), {"w0": A04_W0, "lr": lr},
                           A04_EPOCHS, needs="train_gd"), (A04_EPOCHS + 1,), "train_gd")
        runs.append({"costs": costs, "ws": ws})
    return {"ws": A04_WS.copy(), "curve": curve, "runs": runs}


def _mse(w, xs, ys):
    return np.mean((np.multiply.outer(np.atleast_1d(w), xs) - ys) ** 2, axis=-1)


def linear_figure(d: dict):
    fig = style.new_figure(11.0, 4.8,
                           "Full-batch gradient descent on y = w·x (data x = [1, 2, 3], y = [2.1, 3.9, 6.2])")
    labels = [f"α = {lr:g}: {what}" for lr, what in A04_RATES]
    with style.styled():
        left, right = fig.subplots(1, 2)
        left.plot(d["ws"], d["curve"], color="0.3", linewidth=1.5, label="cost C(w)")
        for k, (run, label) in enumerate(zip(d["runs"], labels)):
            ws = np.clip(run["ws"], d["ws"][0] - 5, d["ws"][-1] + 5)
            left.plot(ws, _mse(ws, A04_XS, A04_YS), color=style.COLORS[k], linestyle=style.LINESTYLES[k],
                      marker=style.MARKERS[k], linewidth=1.2, markersize=5, label=label)
        left.set_xlim(d["ws"][0], d["ws"][-1])
        left.set_ylim(0, float(np.max(d["curve"])))
        left.set_title("the path of w over the cost curve", loc="left")
        left.set_xlabel("weight w")
        left.set_ylabel("cost C(w) (mean squared error)")
        left.legend(loc="upper center")
        best = float(np.sum(A04_XS * A04_YS) / np.sum(A04_XS**2))  # w* for this data, where dC/dw = 0
        _costs_per_epoch(right, [run["costs"] for run in d["runs"]], labels, start=0,
                         floor=float(_mse(best, A04_XS, A04_YS)[0]))
        right.set_title("cost per epoch, before each update", loc="left")
    return fig


def _costs_per_epoch(ax, curves, labels, start=1, floor=None):
    for k, (costs, label) in enumerate(zip(curves, labels)):
        epochs = np.arange(start, start + len(costs))
        ax.semilogy(epochs, np.clip(costs, FLOOR, 1e12), color=style.COLORS[k], linestyle=style.LINESTYLES[k],
                    marker=style.MARKERS[k], markevery=max(1, len(costs) // 10), label=label)
    if floor is not None:
        ax.axhline(floor, color="0.3", linewidth=1.2, linestyle=(0, (1, 2)), label="lowest possible cost C(w*)")
    ax.set_xlabel("epoch")
    ax.set_ylabel("cost (log scale)")
    ax.legend(loc="upper right")


# ---------------------------------------------------------------------------------------------- a05

# A larger seeded data set than a04's, so that one epoch of SGD (30 updates) and of GD (1 update) differ.
_RNG = np.random.default_rng(5)
A05_XS = np.round(_RNG.uniform(0.0, 2.0, 30), 3)
A05_YS = np.round(2.0 * A05_XS + _RNG.normal(0.0, 0.3, 30), 3)
A05_W0, A05_LR, A05_EPOCHS = 0.0, 0.01, 30
A05_RUNS = (("full batch (GD): 1 update per epoch", "train_minibatch", {"batch_size": 30}),
            ("mini-batches of 5: 6 updates per epoch", "train_minibatch", {"batch_size": 5, "seed": 0}),
            ("SGD: 30 updates per epoch", "train_sgd", {}))


def sgd_data(src) -> dict:
    runs = []
    for _, name, extra in A05_RUNS:
        kwargs = {"w0": A05_W0, "lr": A05_LR, **extra}
        w, losses = parts(src.call(name, A05_XS.copy(), A05_YS.copy(), epochs=A05_EPOCHS, **kwargs), 2, name)
        number(w, name)
        losses = array(losses, (A05_EPOCHS,), name)
        ws = array(src.run(drv.weights_by_epoch, name, (A05_XS.copy(), A05_YS.copy()), kwargs, A05_EPOCHS, needs=name),
                   (A05_EPOCHS + 1,), name)
        runs.append({"losses": losses, "ws": ws})
    return {"runs": runs}


def sgd_figure(d: dict):
    fig = style.new_figure(11.0, 5.4, f"GD, mini-batches and SGD on the same {len(A05_XS)} points, α = {A05_LR:g}, "
                                      f"from w = {A05_W0:g}")
    best = float(np.sum(A05_XS * A05_YS) / np.sum(A05_XS**2))
    start = float(_mse(A05_W0, A05_XS, A05_YS)[0])
    labels = [label for label, _, _ in A05_RUNS]
    with style.styled():
        left, right = fig.subplots(1, 2)
        curves = [np.concatenate([[start], run["losses"]]) for run in d["runs"]]  # epoch 0: the starting cost
        _costs_per_epoch(left, curves, labels, start=0, floor=float(_mse(best, A05_XS, A05_YS)[0]))
        left.get_legend().remove()
        left.set_title("full-data cost after each epoch", loc="left")
        ws = np.linspace(-0.2, 2.6, 113)
        right.plot(ws, _mse(ws, A05_XS, A05_YS), color="0.3", linewidth=1.5)
        right.text(2.3, 0.9, "J(w)", color="0.3")
        for k, run in enumerate(d["runs"]):
            w = np.clip(run["ws"][:11], -10, 10)
            right.plot(w, _mse(w, A05_XS, A05_YS), color=style.COLORS[k], linestyle=style.LINESTYLES[k],
                       marker=style.MARKERS[k], linewidth=1.2, markersize=7 - 1.5 * k)
        right.set_xlim(ws[0], ws[-1])
        right.set_ylim(0, float(_mse(ws[0], A05_XS, A05_YS)[0]))
        right.set_title("w after each of the first 10 epochs, on the cost curve", loc="left")
        right.set_xlabel("weight w")
        right.set_ylabel("cost J(w) (mean squared error)")
        fig.legend(*left.get_legend_handles_labels(), loc="outside lower center", ncol=2)
    return fig


# ---------------------------------------------------------------------------------------------- a06

A06_Z = np.linspace(-8, 8, 321)


def sigmoid_data(src) -> dict:
    s = array(src.call("sigmoid", A06_Z.copy()), A06_Z.shape, "sigmoid")
    ds = array(src.call("sigmoid_grad", A06_Z.copy()), A06_Z.shape, "sigmoid_grad")
    return {"z": A06_Z.copy(), "s": s, "ds": ds}


def sigmoid_figure(d: dict):
    fig = style.new_figure(8.0, 4.8)
    with style.styled():
        ax = fig.add_subplot()
        ax.plot(d["z"], d["s"], color=style.COLORS[0], linestyle="-", label="σ(z) = 1 / (1 + e⁻ᶻ)")
        ax.plot(d["z"], d["ds"], color=style.COLORS[1], linestyle="--", label="σ′(z) = σ(z)·(1 − σ(z))")
        ax.axhline(0.25, color="0.5", linewidth=1, linestyle=":")
        ax.annotate("σ′(0) = 0.25, its largest value: going\n"
                    "backward, each sigmoid shrinks\nthe gradient 4 times or more",
                    xy=(0, 0.25), xytext=(1.6, 0.28), fontsize=10, arrowprops={"arrowstyle": "->", "color": "0.3"})
        ax.annotate("saturated: σ′ ≈ 0,\nthe gradient vanishes", xy=(-6, 0.005), xytext=(-7.8, 0.3), fontsize=10,
                    arrowprops={"arrowstyle": "->", "color": "0.3"})
        style.heading(fig, "The sigmoid and its derivative")
        ax.set_xlabel("input z")
        ax.set_ylabel("value")
        ax.set_xlim(d["z"][0], d["z"][-1])
        ax.set_ylim(-0.03, 1.03)
        ax.legend(loc="upper left")
    return fig


# ---------------------------------------------------------------------------------------------- a07

A07_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
A07_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
A07_HIDDEN, A07_LR, A07_EPOCHS, A07_SEED = 4, 2.0, 4000, 3
A07_AXIS = np.linspace(-0.25, 1.25, 61)


def a07_params() -> dict:
    rng = np.random.default_rng(A07_SEED)
    return {"W1": rng.normal(0, 1, (A07_HIDDEN, 2)), "b1": np.zeros(A07_HIDDEN),
            "W2": rng.normal(0, 1, (1, A07_HIDDEN)), "b2": np.zeros(1)}


def xor_data(src) -> dict:
    GX, GY = np.meshgrid(A07_AXIS, A07_AXIS)
    grid = np.column_stack([GX.ravel(), GY.ravel()])
    losses, out = parts(src.run(drv.train_network, a07_params(), A07_X.copy(), A07_Y.copy(), A07_LR, A07_EPOCHS,
                                grid, needs="forward"), 2, "the training run")
    losses = array(losses, (A07_EPOCHS,), "the training run")
    out = array(out, (len(grid),), "forward")
    return {"losses": losses, "out": out.reshape(GX.shape)}


def xor_figure(d: dict):
    fig = style.new_figure(11.0, 4.9, f"A 2-{A07_HIDDEN}-1 sigmoid network learns XOR (full batch, α = {A07_LR:g})")
    with style.styled():
        left, right = fig.subplots(1, 2)
        epochs = np.arange(len(d["losses"]))
        left.semilogy(epochs, np.clip(d["losses"], FLOOR, 1e12), color=style.COLORS[0], label="training cost C")
        left.set_title("training cost per epoch", loc="left")
        left.set_xlabel("epoch")
        left.set_ylabel("cost C (log scale)")
        left.legend(loc="upper right")
        GX, GY = np.meshgrid(A07_AXIS, A07_AXIS)
        filled = right.contourf(GX, GY, d["out"], levels=np.linspace(0, 1, 11), cmap=style.CMAP)
        fig.colorbar(filled, ax=right).set_label("network output a₂")
        right.contour(GX, GY, d["out"], levels=[0.5], colors="white", linewidths=2.5, linestyles="--")
        for target, marker, name in ((0, "o", "y = 0"), (1, "s", "y = 1")):
            rows = A07_Y[:, 0] == target
            right.scatter(A07_X[rows, 0], A07_X[rows, 1], s=140, marker=marker, c="white" if target else "black",
                          edgecolors="black" if target else "white", linewidths=1.8, label=f"target {name}", zorder=3)
        right.set_title("learned regions: dashed line at output 0.5", loc="left")
        right.set_xlabel("input x₁")
        right.set_ylabel("input x₂")
        right.set_box_aspect(1)
        fig.legend(*right.get_legend_handles_labels(), loc="outside lower right", ncol=2)
    return fig
