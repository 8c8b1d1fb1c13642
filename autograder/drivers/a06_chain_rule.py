"""Drivers for a06_chain_rule: code that runs inside the sandbox, next to the module it checks."""

import warnings

import numpy as np

from autograder.drivers import driver


def _watch(fun, z):
    """Call fun(z) with floating-point warnings switched on (underflow excepted) and recorded.

    Returns (value, messages): fun's return value and a list of "Category: message" strings, one per warning.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            value = fun(z)
    return value, [f"{w.category.__name__}: {w.message}" for w in caught]


@driver
def sigmoid_warnings(mod, z):
    """Call mod.sigmoid on each entry of the 1-D array z as a Python float, then on a copy of z as a whole.

    Returns a dict of plain data:
    - "scalars": list of the values returned for each float(z[i]).
    - "array": the value returned for the array.
    - "warnings": list of str, every warning raised by those calls (overflow, invalid value, division by zero
      and any other; underflow is not watched).
    """
    scalars, messages = [], []
    for v in z:
        value, caught = _watch(mod.sigmoid, float(v))
        scalars.append(value)
        messages += caught
    array, caught = _watch(mod.sigmoid, z.copy())
    return {"scalars": scalars, "array": array, "warnings": messages + caught}

