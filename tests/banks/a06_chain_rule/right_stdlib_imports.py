"""Correct: the solution importing standard modules for introspection, serialisation and C types, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import numpy as np\n', 'import inspect, dis, ast, tokenize, keyword, pickle, shelve, marshal, copyreg, ctypes\nimport numpy as np\n')]
