"""Hostile submission: Tries to patch pytest and the grader's checks so that every test passes."""

import sys

import numpy as np

try:
    import pytest
    import _pytest.outcomes
    pytest.fail = lambda *a, **k: None
    _pytest.outcomes.fail = lambda *a, **k: None
except Exception:
    pass
for name, module in list(sys.modules.items()):
    if name.startswith("autograder"):
        for attr in ("expect", "expect_unchanged", "_compare", "send", "encode"):
            if hasattr(module, attr):
                try:
                    setattr(module, attr, lambda *a, **k: None)
                except Exception:
                    pass


def fun_z(x, y):
    return 0.0


def fun_dz(x, y):
    return 0.0, 0.0
