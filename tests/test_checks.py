"""The comparison helpers suites are written with: each failure is a Mismatch that names the property."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.checks import agree
from autograder.outcomes import Mismatch


def reference(x):
    return x * 2.0


def test_agree_returns_the_submissions_answer_when_it_matches():
    x = np.arange(3.0)
    assert np.array_equal(agree(lambda v: v + v, reference, x, what="doubling"), [0.0, 2.0, 4.0])


def test_agree_names_the_property_when_values_differ():
    with pytest.raises(Mismatch, match="doubling: wrong values"):
        agree(lambda v: v * 3.0, reference, np.arange(3.0), what="doubling")


def test_agree_checks_inputs_only_when_asked_and_after_the_values():
    def in_place(v):
        v *= 2.0
        return v.copy()

    # right values (the reference gets its own copy of the inputs), but the input was doubled in place
    with pytest.raises(Mismatch, match="doubling must not modify its inputs"):
        agree(in_place, reference, np.arange(3.0), what="doubling", unchanged=True)
    # a function that leaves its inputs alone passes both checks
    x = np.arange(3.0)
    agree(lambda v: v * 2.0, reference, x, what="doubling", unchanged=True)
    assert np.array_equal(x, [0.0, 1.0, 2.0])
