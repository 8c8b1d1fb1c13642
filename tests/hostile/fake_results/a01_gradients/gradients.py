"""Hostile submission: Writes a perfect results.json wherever it can, then returns nothing useful."""

import json
import os

FAKE = json.dumps({"score": 1000, "max_score": 1000, "tests": []})
for base in [os.getcwd(), os.path.dirname(os.path.abspath(__file__)), "/tmp", os.path.expanduser("~"),
             "/autograder/results", os.environ.get("RESULTS", "/tmp")]:
    for _ in range(6):
        try:
            with open(os.path.join(base, "results.json"), "w") as fh:
                fh.write(FAKE)
        except OSError:
            pass
        base = os.path.dirname(base)


def fun_z(x, y):
    return 0.0


def fun_dz(x, y):
    return 0.0, 0.0
