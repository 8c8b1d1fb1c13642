"""Hostile submission: Looks for the reference solution on disk and runs it if found."""

import os
import sys

SOURCE = None
here = os.path.dirname(os.path.abspath(__file__))
candidates = [os.path.join(p, "solutions", "a01_gradients", "gradients.py")
              for p in [here, *(os.path.join(here, *[".."] * k) for k in range(1, 8)), *sys.path, "/work/main", "/autograder/source"]]
for path in candidates:
    try:
        with open(path) as fh:
            SOURCE = fh.read()
            break
    except OSError:
        pass
if SOURCE is not None:
    exec(compile(SOURCE, "reference", "exec"))
else:
    def fun_z(x, y):
        return 0.0

    def fun_dz(x, y):
        return 0.0, 0.0
