"""Hostile submission: not UTF-8 text. Its comment was saved on a latin-1 machine (José), and it holds 0xff
bytes; with neither, fun_z would be right. Python refuses the file (`python gradients.py`), and so does the
grader; `otter run` used to crash reading it."""
# Auteur: José ÿþ

import numpy as np


def fun_z(x, y):
    return np.sin(x**2 + y**2)
