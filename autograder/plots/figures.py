"""Every figure of the course: which assignment it belongs to, its file name, and its compute and draw steps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from autograder.plots import curves, graphs, second_order, surfaces


@dataclass(frozen=True)
class FigureSpec:
    folder: str                    # the assignment (catalogue folder)
    name: str                      # the file: figures/<name>.png
    title: str                     # what a note calls it: "a02: descent paths skipped: ..."
    compute: Callable[..., dict]   # source -> plain, checked data (raises sources.Skip)
    draw: Callable[[dict], object]  # data -> matplotlib Figure

    @property
    def filename(self) -> str:
        return f"{self.name}.png"

    @property
    def short(self) -> str:
        return self.folder.split("_")[0]


FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec("a01_gradients", "gradient_field", "gradient field",
               surfaces.gradient_field_data, surfaces.gradient_field_figure),
    FigureSpec("a02_gradient_descent", "learning_rates", "descent paths",
               surfaces.descent_data, surfaces.descent_figure),
    FigureSpec("a02_gradient_descent", "two_minima", "two minima and a saddle point",
               surfaces.wells_data, surfaces.wells_figure),
    FigureSpec("a03_numerical_gradient", "step_size", "error against the step h",
               curves.step_size_data, curves.step_size_figure),
    FigureSpec("a04_linear_regression", "cost_curves", "cost curves",
               curves.linear_data, curves.linear_figure),
    FigureSpec("a05_sgd", "sgd_vs_batch", "GD, mini-batches and SGD",
               curves.sgd_data, curves.sgd_figure),
    FigureSpec("a06_chain_rule", "graph_add_mul", "the graph of (x + y)·z",
               graphs.add_mul_data, graphs.add_mul_figure),
    FigureSpec("a06_chain_rule", "sigmoid", "the sigmoid and its derivative",
               curves.sigmoid_data, curves.sigmoid_figure),
    FigureSpec("a07_backprop", "xor", "training on XOR",
               curves.xor_data, curves.xor_figure),
    FigureSpec("a08_autograd", "value_graph", "the graph backward() walks",
               graphs.value_graph_data, graphs.value_graph_figure),
    FigureSpec("a09_gradient_tape", "derivatives", "f, f′ and f″ from nested tapes",
               second_order.derivatives_data, second_order.derivatives_figure),
    FigureSpec("a09_gradient_tape", "newton_vs_descent", "Newton against gradient descent",
               second_order.newton_data, second_order.newton_figure),
)
