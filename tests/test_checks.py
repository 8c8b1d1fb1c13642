"""The comparison helpers suites are written with: each failure is a Mismatch that names the property."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from autograder.checks import agree, expect, expect_each_unchanged
from autograder.outcomes import GraderFault, Mismatch
from autograder.sandbox.client import Call


def reference(x):
    return x * 2.0


def test_agree_returns_the_submissions_answer_when_it_matches():
    x = np.arange(3.0)
    assert np.array_equal(agree(lambda v: v + v, reference, x, what="doubling"), [0.0, 2.0, 4.0])


def test_agree_names_the_property_when_values_differ():
    with pytest.raises(Mismatch, match="doubling: wrong values"):
        agree(lambda v: v * 3.0, reference, np.arange(3.0), what="doubling")


class Remote:
    """Stands for a submitted function as a test sees it: it gets its arguments as data (copies), never the test's
    objects, and `call` also gives back the arguments as it left them (client.Call)."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, *args):
        return self.call(*args).value

    def call(self, *args):
        mine = copy.deepcopy(args)
        return Call(self.fn(*mine), mine, {})


def test_agree_checks_inputs_only_when_asked_and_after_the_values():
    def in_place(v):
        v *= 2.0
        return v.copy()

    # right values (the reference gets its own copy of the inputs), but the input was doubled in place
    with pytest.raises(Mismatch, match="doubling must not modify its inputs"):
        agree(Remote(in_place), reference, np.arange(3.0), what="doubling", unchanged=True)
    # a function that leaves its inputs alone passes both checks
    x = np.arange(3.0)
    agree(Remote(lambda v: v * 2.0), reference, x, what="doubling", unchanged=True)
    assert np.array_equal(x, [0.0, 1.0, 2.0])


def test_the_reference_never_sees_what_the_submission_did_to_its_inputs():
    """A submission that writes nan into its inputs and returns them: the reference still answers for the inputs as
    the test made them, so nan against nan is no match."""
    def poison(v):
        v[...] = np.nan
        return v

    x = np.arange(3.0)
    with pytest.raises(Mismatch, match="not finite"):
        agree(Remote(poison), reference, x, what="doubling")
    assert np.array_equal(x, [0.0, 1.0, 2.0])


def test_an_expected_value_that_is_not_finite_is_a_grader_fault():
    for want in (np.array([1.0, np.nan]), float("inf"), (1.0, {"k": np.array([np.inf])})):
        with pytest.raises(GraderFault, match="expected value holds nan or inf"):
            expect(want, want, what="anything")
    expect(np.array([1, 2]), np.array([1, 2]), what="integers are always finite")


def test_each_input_is_checked_on_its_own_and_named():
    def sorts_second(a, b):
        b.sort()
        return a + b

    call = Remote(sorts_second).call(np.array([3.0, 1.0]), np.array([2.0, 0.0]))
    with pytest.raises(Mismatch, match="f must not modify b: an input was modified"):
        expect_each_unchanged(call, "f", a=np.array([3.0, 1.0]), b=np.array([2.0, 0.0]))
    expect_each_unchanged(call, "f", a=np.array([3.0, 1.0]))  # a alone was left as it was
