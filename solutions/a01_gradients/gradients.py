"""Assignment 1: the gradient of z = sin(x² + y²).

The gradient (∂z/∂x, ∂z/∂y) points in the direction of steepest ascent. By the chain rule,
with u = x² + y²:  ∂z/∂x = cos(u)·2x  and  ∂z/∂y = cos(u)·2y.
gradient_field lays these gradients out on a grid, as the arrows of the figure `make plots` draws.
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
    # BEGIN SOLUTION
    return np.sin(x**2 + y**2)
    # END SOLUTION


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
    # BEGIN SOLUTION
    u = x**2 + y**2
    return 2 * x * np.cos(u), 2 * y * np.cos(u)
    # END SOLUTION


def gradient_field(xs=None, ys=None):
    """The arrows of the gradient-field figure: where each arrow sits, and where it points.

    One arrow sits at every point of the grid spanned by xs (across, the x axis) and ys (up, the y axis), laid out
    as np.meshgrid(xs, ys) lays it out: row i holds the points with y = ys[i], column j those with x = xs[j]. Each
    arrow is the gradient (∂z/∂x, ∂z/∂y) of z = sin(x² + y²) at its point, unscaled: it points uphill, and it is
    long where the surface is steep and short where it is flat.

    Inputs:
    - xs: numpy array of shape (M,), M >= 1, of floats or integers: the x coordinates of the grid's columns; or
      None (the default) for the 11 points -2.5, -2.0, ..., 2.0, 2.5 (step 0.5, both ends included). Not modified.
    - ys: numpy array of shape (N,), N >= 1, of floats or integers: the y coordinates of the grid's rows; or None
      (the default) for the same 11 points. Not modified.

    Returns a tuple (X, Y, U, V) of four float64 numpy arrays, each of shape (N, M) (one row per y, one column
    per x), also for integer inputs:
    - X: the arrows' x positions, X[i, j] = xs[j].
    - Y: the arrows' y positions, Y[i, j] = ys[i].
    - U: the arrows' x components, U[i, j] = ∂z/∂x at (X[i, j], Y[i, j]).
    - V: the arrows' y components, V[i, j] = ∂z/∂y at (X[i, j], Y[i, j]).
    """
    # BEGIN SOLUTION
    default = np.arange(-2.5, 2.6, 0.5)  # 2.6, not 2.5: arange stops before its end
    xs = default if xs is None else np.asarray(xs, dtype=float)
    ys = default if ys is None else np.asarray(ys, dtype=float)
    X, Y = np.meshgrid(xs, ys)  # indexing="xy": X varies along a row, Y down a column
    U, V = fun_dz(X, Y)
    return X, Y, U, V
    # END SOLUTION
