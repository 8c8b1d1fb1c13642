"""The assignment catalogue: folder, module and function names are a contract.

Students, instructors and Gradescope submissions depend on these names, so
change them only with a new course release.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Assignment:
    """One assignment: its folder name, its module and the names it must define."""

    folder: str
    module: str
    names: tuple[str, ...]

    @property
    def filename(self) -> str:
        return f"{self.module}.py"


CATALOGUE: tuple[Assignment, ...] = (
    Assignment("a01_gradients", "gradients", ("fun_z", "fun_dz")),
    Assignment("a02_gradient_descent", "descent", ("bowl", "bowl_grad", "gradient_descent")),
    Assignment(
        "a03_numerical_gradient",
        "numerical",
        ("eval_numerical_gradient", "rel_error", "grad_check_sparse", "svm_loss_single", "svm_grad_single"),
    ),
    Assignment("a04_linear_regression", "linear", ("forward", "cost", "gradient", "train_gd", "gradient_wb")),
    Assignment("a05_sgd", "sgd", ("train_sgd", "minibatch_indices", "train_minibatch")),
    Assignment(
        "a06_chain_rule",
        "chain_rule",
        ("add_mul", "sigmoid", "sigmoid_grad", "sigmoid_neuron", "delta_rule_step"),
    ),
    Assignment("a07_backprop", "network", ("forward", "backward", "sgd_step")),
    Assignment("a08_autograd", "autograd", ("Value",)),
)

BY_FOLDER = {a.folder: a for a in CATALOGUE}
SUITES = ("public", "hidden")  # public tests ship with the assignments; hidden ones stay with the grader


def lookup(folder: str) -> Assignment:
    """Return the assignment for `folder`, or explain which folders exist."""
    try:
        return BY_FOLDER[folder]
    except KeyError:
        known = ", ".join(BY_FOLDER)
        raise KeyError(f"unknown assignment {folder!r}; the catalogue has: {known}") from None
