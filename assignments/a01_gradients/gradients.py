"""Assignment 1: the gradient of z = sin(x² + y²).

The gradient (∂z/∂x, ∂z/∂y) points in the direction of steepest ascent. By the chain rule,
with u = x² + y²:  ∂z/∂x = cos(u)·2x  and  ∂z/∂y = cos(u)·2y.
"""

import numpy as np


def fun_z(x, y):
    """Evaluate z = sin(x² + y²).

    Inputs:
    - x: a float, or a numpy array of any shape.
    - y: a float, or a numpy array whose shape broadcasts with x's.

    Returns:
    - z: sin(x² + y²). A float when x and y are floats; otherwise a float64 array of the broadcast
      shape of x and y. Integer inputs give float results.

    x and y are not modified.
    """
    raise NotImplementedError("fun_z: not implemented yet")


def fun_dz(x, y):
    """Evaluate the gradient of z = sin(x² + y²).

    Inputs:
    - x: a float, or a numpy array of any shape.
    - y: a float, or a numpy array whose shape broadcasts with x's.

    Returns a tuple (dz_dx, dz_dy):
    - dz_dx: ∂z/∂x = 2x·cos(x² + y²).
    - dz_dy: ∂z/∂y = 2y·cos(x² + y²).
    Each is a float when x and y are floats; otherwise a float64 array of the broadcast shape of x and y.

    x and y are not modified.
    """
    raise NotImplementedError("fun_dz: not implemented yet")
