"""Every mistake a handout warns about is caught by a public test, with the message public tests give.

A student runs the public tests first (`make test`, `make grade` in the bundle), so a mistake the handout names
must cost a public point there, not only a hidden one. MISTAKES lists, per assignment, the handout's words that
warn about a mistake, and for each wrong bank (tests/banks/<assignment>/wrong_*.py) that makes it, the public test
that must fail. The tests below fail when

- a warning's words are no longer in the handout (reword the entry with the handout);
- a bank of the table keeps the point of its public test, or loses it only to a grader error.

The hidden suites are not consulted: a bank is graded with the public tests alone.
"""

from __future__ import annotations

import ast
import os
import tempfile
from pathlib import Path

import pytest

from autograder.catalogue import BY_FOLDER
from support import BANKS, bank_source, grade_dir, grade_many

MISTAKES: dict[str, list[tuple[str, dict[str, str]]]] = {
    "a01_gradients": [
        ("Use numpy (`np.sin`, `np.cos`), not `math`, which accepts only single numbers",
         {"wrong_fun_z_math": "test_fun_z_on_a_grid", "wrong_scalar_only": "test_fun_dz_on_arrays"}),
        ("Do not modify your inputs",
         {"wrong_z_squares_x_in_place": "test_fun_z_on_a_grid", "wrong_dz_y_in_place": "test_fun_dz_on_arrays",
          "wrong_field_sorts_ys_in_place": "test_gradient_field_on_a_small_grid"}),
        ("arrows that point *away* from the yellow rings have the wrong sign",
         {"wrong_sign": "test_fun_dz_at_half_minus_one", "wrong_field_downhill": "test_gradient_field_on_a_small_grid"}),
        ("arrows along the rings instead of across them have `dz_dx` and `dz_dy` swapped",
         {"wrong_swapped_outputs": "test_fun_dz_at_half_minus_one",
          "wrong_field_swapped_components": "test_gradient_field_on_a_small_grid"}),
        ("all arrows of one length were normalised", {"wrong_field_unit_arrows": "test_gradient_field_on_a_small_grid"}),
        ("a grid laid out the wrong way round (`indexing=\"ij\"`)",
         {"wrong_field_ij_indexing": "test_gradient_field_on_a_small_grid"}),
        ("a default grid that stops at 2.0", {"wrong_field_default_grid": "test_gradient_field_default_grid"}),
    ],
    "a02_gradient_descent": [
        ("returned as a Python `float` (also when `theta` holds integers)",
         {"wrong_bowl_integer_result": "test_bowl_at_three_minus_four"}),
        ("Do not modify `theta0`: work on a float copy", {"wrong_gd_mutates_theta0": "test_descent_three_steps"}),
        ("An integer `theta0` such as `np.array([3, -4])` must work too",
         {"wrong_gd_integer_copy": "test_descent_from_an_integer_start",
          "wrong_gd_integer_buffer": "test_descent_from_an_integer_start"}),
        ("every row of the trajectory ends up equal to the last point",
         {"wrong_gd_aliased_rows": "test_descent_three_steps"}),
        ("the gradient has the wrong sign (or `gradient_descent` adds the step instead of subtracting it)",
         {"wrong_grad_sign": "test_bowl_grad_at_three_minus_four", "wrong_gd_ascent": "test_descent_three_steps"}),
        ("the trajectory is missing $\\theta_0$", {"wrong_gd_no_start": "test_descent_three_steps"}),
    ],
    "a03_numerical_gradient": [
        ("**put the old value back** before moving on",
         {"wrong_eval_not_restored": "test_eval_numerical_gradient_sum_cubes"}),
        ("If `x` holds integers, `x[ix] = 1 + 1e-5` silently stores `1`",
         {"wrong_eval_input_dtype": "test_eval_numerical_gradient_integers"}),
        ("you are computing forward differences",
         {"wrong_eval_forward_difference": "test_eval_numerical_gradient_sum_cubes"}),
        ("the division by $2h$ or the restoring of `x` is wrong",
         {"wrong_eval_divides_by_h": "test_eval_numerical_gradient_sum_cubes"}),
        ("write it with numpy operations so that it works for numbers and arrays alike",
         {"wrong_rel_scalar_only": "test_rel_error_arrays"}),
        ("where the maximum is taken over all entries",
         {"wrong_rel_mean": "test_rel_error_arrays", "wrong_rel_elementwise": "test_rel_error_arrays"}),
        ("it turns $0/0$ into $0$", {"wrong_rel_no_floor": "test_rel_error"}),
        ("never with the global `np.random` state: the same seed must give the same result",
         {"wrong_check_unseeded": "test_grad_check_sparse_seed", "wrong_check_fixed_seed": "test_grad_check_sparse_seed"}),
        ("a margin of exactly $0$ does **not** count", {"wrong_grad_zero_margin_counts": "test_svm_grad_single"}),
    ],
    "a04_linear_regression": [
        ("Record the cost **just before** each update",
         {"wrong_train_cost_after": "test_train_gd_defaults", "wrong_train_extra_cost": "test_train_gd_defaults"}),
        ("If your costs *rise* the gradient's sign is wrong",
         {"wrong_gradient_sign": "test_gradient_at_one", "wrong_train_ascent": "test_train_gd_defaults"}),
        ("a factor 2 or a sum instead of a mean",
         {"wrong_gradient_no_two": "test_gradient_at_one", "wrong_gradient_sum": "test_gradient_at_one",
          "wrong_cost_sum": "test_cost_at_one"}),
        ("to write the cost without the $\\frac12$ but the gradient without the 2",
         {"wrong_wb_no_two": "test_gradient_wb"}),
        ("or the cost with the $\\frac12$ but the gradient with the 2", {"wrong_cost_half": "test_cost_at_one"}),
        ("Do not modify `xs` or `ys`",
         {"wrong_forward_inplace": "test_forward", "wrong_wb_targets_in_place": "test_gradient_wb"}),
        ("Your functions should work when `xs` and `ys` hold integers, too",
         {"wrong_wb_targets_in_place": "test_integer_data_left_unchanged"}),
    ],
    "a05_sgd": [
        ("check the sign and the factor 2 of the sample gradient",
         {"wrong_sgd_no_factor_two": "test_train_sgd_exact_data"}),
        ("**The order of the samples matters**", {"wrong_sgd_reversed_order": "test_train_sgd_order_matters"}),
        ("keep the last, shorter batch (dropping it would skip some samples in every epoch)",
         {"wrong_mb_drop_last": "test_minibatch_indices_one_epoch",
          "wrong_tm_drop_last": "test_train_minibatch_noisy_data"}),
        ("creating a new generator with the same seed every epoch would repeat the same \"random\" order",
         {"wrong_tm_rng_per_epoch": "test_train_minibatch_noisy_data"}),
        ("The batch gradient is the **mean** over the batch, not the sum",
         {"wrong_tm_sum": "test_train_minibatch_noisy_data"}),
        ("divide by the batch's own length, not by $B$",
         {"wrong_tm_divide_by_batch_size": "test_train_minibatch_noisy_data"}),
        ("Do not modify `xs` or `ys`: work on the values, not in place.",
         {"wrong_sgd_shuffles_inputs": "test_train_sgd_exact_data",
          "wrong_tm_shuffles_in_place": "test_train_minibatch_noisy_data"}),
    ],
    "a06_chain_rule": [
        ("if $x$ and $y$ get different gradients, or $z$ gets $-4$ instead of $q = 3$, the gate rule is wrong",
         {"wrong_add_mul_grads_swapped": "test_add_mul_example", "wrong_add_mul_dz_is_x": "test_add_mul_example"}),
        ("Note that $\\sigma'(z)$ takes the input $z$",
         {"wrong_sigmoid_grad_of_input": "test_sigmoid_grad_values",
          "wrong_sigmoid_grad_sigmoid_twice": "test_sigmoid_grad_values"}),
        ("numpy prints `RuntimeWarning: overflow encountered in exp`", {"wrong_sigmoid_naive": "test_sigmoid_stable"}),
        ("$e^{z}/(1 + e^{z})$ at $z = 1000$ even gives `nan`", {"wrong_sigmoid_exp_z": "test_sigmoid_stable"}),
        ("Careful with `np.where(cond, a, b)`", {"wrong_sigmoid_where_both_branches": "test_sigmoid_stable"}),
        ("Reuse `sigmoid` in `sigmoid_grad`", {"wrong_sigmoid_grad_naive": "test_sigmoid_grad_values"}),
        ("the bias is the **last** weight", {"wrong_neuron_bias_first": "test_sigmoid_neuron_example"}),
        ("(the change, not the new weights)", {"wrong_delta_returns_new_weights": "test_delta_rule_example"}),
        ("Do not modify the arguments in place",
         {"wrong_add_mul_in_place": "test_add_mul_arrays", "wrong_sigmoid_in_place": "test_sigmoid_values",
          "wrong_neuron_scales_view": "test_sigmoid_neuron_example",
          "wrong_delta_updates_w": "test_delta_rule_example"}),
    ],
    "a07_backprop": [
        ("Forgetting the factor $\\sigma'(z^2)$ is the classic mistake",
         {"wrong_backward_no_output_sigmoid_prime": "test_backward_worked_example"}),
        ("Note the **transpose**", {"wrong_backward_w2_not_transposed": "test_backward_worked_example"}),
        ("a sign error or a missing $\\sigma'$ factor in `backward`",
         {"wrong_backward_sign": "test_backward_worked_example",
          "wrong_backward_no_hidden_sigmoid_prime": "test_backward_worked_example"}),
        ("the gradients of the **mean** cost over the batch",
         {"wrong_backward_sum_not_mean": "test_backward_batch_mean"}),
        ("Do not change `params` or `grads` in place",
         {"wrong_sgd_in_place": "test_sgd_step_worked_example", "wrong_sgd_scales_grads": "test_sgd_step_worked_example",
          "wrong_sgd_shallow_copy": "test_sgd_step_worked_example"}),
        ("None of the functions may modify its inputs",
         {"wrong_forward_centres_x": "test_forward_worked_example",
          "wrong_backward_targets_in_place": "test_backward_batch_mean",
          "wrong_backward_modifies_cache": "test_backward_batch_mean"}),
    ],
    "a08_autograd": [
        ("Without the seed every gradient stays 0", {"wrong_no_seed": "test_chain_rule_add_mul"}),
        ("A breadth-first order, or the forward order, is wrong",
         {"wrong_topo_breadth_first": "test_micrograd_readme", "wrong_topo_forward_order": "test_chain_rule_add_mul"}),
        ("keeps a set of the nodes already visited so that each is listed once",
         {"wrong_topo_no_visited": "test_micrograd_sanity_check"}),
        ("With `=`, the second use overwrites the first",
         {"wrong_assign_not_accumulate": "test_micrograd_sanity_check"}),
        ("must compute $2 - x$, not $x - 2$", {"wrong_rsub_reversed": "test_reflected_operators"}),
        ("`2 / x` calls `x.__rtruediv__(2)` and must compute $2 / x$",
         {"wrong_rtruediv_reversed": "test_reflected_operators"}),
        ("so that `x * 2` works", {"wrong_mul_unwrapped_number": "test_forward_values"}),
        ("intermediate nodes included, not only the leaves", {"wrong_zero_grad_leaves_only": "test_zero_grad"}),
        ("Nodes not reachable from `self` keep their `.grad`",
         {"wrong_zero_grad_all_values": "test_zero_grad_reaches_only_its_graph"}),
        ("`x.grad == -12.0` and `z.grad == 6.0`, not $-4$ and $3$",
         {"wrong_backward_resets_grads": "test_backward_twice_adds_up",
          "wrong_seed_accumulates": "test_backward_twice_adds_up"}),
    ],
    "a09_gradient_tape": [
        ("**Write every backward function with Tensor operations**",
         {"wrong_pow_backward_floats": "test_square_at_five",
          "wrong_mul_backward_floats": "test_shared_subexpression"}),
        ("removes it, and only it: the tapes around it keep recording",
         {"wrong_exit_clears_all_tapes": "test_square_at_five"}),
        ("recorded on **every** active tape that tracks one of its inputs, not only on the innermost one",
         {"wrong_innermost_tape_only": "test_outer_tape_records_the_forward_pass"}),
        ("Walking the record forwards passes on gradients that are still incomplete, or none at all",
         {"wrong_record_walked_forwards": "test_chain_walked_backwards"}),
        ("With `=` instead of `+`, the last contribution overwrites the others",
         {"wrong_shared_overwrites": "test_shared_subexpression"}),
        ("a `Tensor(0.0)` would claim a path whose derivative happens to be 0",
         {"wrong_zero_not_none": "test_unconnected_source_is_none"}),
        ("the next one raises `RuntimeError` with a message that says why",
         {"wrong_non_persistent_answers_twice": "test_a_tape_answers_once_unless_persistent"}),
        ("a tape tracks it only after `tape.watch(t)`", {"wrong_watch_does_nothing": "test_constant_needs_watch"}),
        ("If your backward functions computed with floats, every second derivative would come out `None`",
         {"wrong_gradient_in_floats": "test_square_at_five"}),
        ("with `0.0` where a tape reports `None`", {"wrong_derivatives_none_kept": "test_derivatives"}),
    ],
}

# What a public test may say when it catches a mistake: a failed check (with the input, the expected value and
# the submission's) or the exception the submission raised. A grader error would blame the grader instead.
CAUGHT = {"failed", "error"}


def norm(text: str) -> str:
    return " ".join(text.split())


def public_test_names(folder: str) -> dict[str, str]:
    """Public test function name -> the name results.json gives it ("folder: first docstring line")."""
    tree = ast.parse(BY_FOLDER[folder].public_tests()[0].read_text(encoding="utf-8"))
    return {node.name: f"{folder}: {ast.get_docstring(node).splitlines()[0]}" for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def cases() -> list[tuple[str, str, str]]:
    """(folder, bank, public test) for every entry of MISTAKES, each bank once per test."""
    return sorted({(folder, bank, test) for folder, entries in MISTAKES.items() for _, banks in entries
                   for bank, test in banks.items()})


@pytest.mark.parametrize("folder", sorted(MISTAKES))
def test_every_warning_is_in_its_handout_and_names_real_banks_and_tests(folder):
    handout = norm(BY_FOLDER[folder].handout().read_text(encoding="utf-8"))
    tests = public_test_names(folder)
    for words, banks in MISTAKES[folder]:
        assert norm(words) in handout, f"{folder}/README.md no longer says: {words}"
        for bank, test in banks.items():
            assert (BANKS / folder / f"{bank}.py").is_file(), f"no bank tests/banks/{folder}/{bank}.py"
            assert test in tests, f"{folder}'s public tests have no {test}"


@pytest.fixture(scope="module")
def graded() -> dict[tuple[str, str], dict]:
    """(folder, bank) -> results.json of that bank graded with the public tests alone.

    The banks are graded in rounds, one bank per assignment in each round's submission, so a round is one run.
    """
    by_folder: dict[str, list[str]] = {}
    for folder, bank, _ in cases():
        if bank not in by_folder.setdefault(folder, []):
            by_folder[folder].append(bank)
    rounds = [{folder: banks[i] for folder, banks in by_folder.items() if i < len(banks)}
              for i in range(max(map(len, by_folder.values())))]

    def grade(chosen: dict[str, str]) -> dict[str, dict]:
        with tempfile.TemporaryDirectory() as tmp:
            for folder, bank in chosen.items():
                assignment = BY_FOLDER[folder]
                os.mkdir(os.path.join(tmp, folder))
                Path(tmp, folder, assignment.filename).write_text(
                    bank_source(BANKS / folder / f"{bank}.py", assignment.solution()), encoding="utf-8")
            return grade_dir(tmp, only=sorted(chosen), suites="public")

    results = grade_many({i: (lambda chosen=chosen: grade(chosen)) for i, chosen in enumerate(rounds)})
    return {(folder, bank): results[i] for i, chosen in enumerate(rounds) for folder, bank in chosen.items()}


@pytest.mark.parametrize("folder, bank, test", cases(), ids=lambda value: value)
def test_a_public_test_catches_the_mistake(graded, folder, bank, test):
    results = graded[(folder, bank)]
    assert results["exit_code"] == 0, results["stderr"][-2000:]
    name = public_test_names(folder)[test]
    row = next(t for t in results["tests"] if t["name"] == name)
    # the point is lost, by a check or by the submission's own exception, and the student is told why
    assert row["score"] < row["max_score"], f"{bank} keeps the point of {test}"
    assert row["tags"][0] in CAUGHT and row["output"].strip(), row
