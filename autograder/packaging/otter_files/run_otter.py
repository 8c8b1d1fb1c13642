"""Runs Otter-Grader's autograder with this course's engine plugin (gd_otter_plugin.py, beside this file)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gd_otter_plugin  # noqa: E402

if __name__ == "__main__":
    # /autograder on Gradescope; a local copy of that layout may be named as the first argument
    gd_otter_plugin.gradescope_main(sys.argv[1] if len(sys.argv) > 1 else "/autograder")
