"""Correct: the solution importing standard modules for testing, debugging and profiling, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import math\n', 'import unittest, doctest, pdb, timeit, cProfile, pstats, trace, platform, sysconfig, gettext\nimport math\n')]
