"""Correct: the solution importing standard modules for text, data files and archives, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import numpy as np\n', 'import glob, csv, json, difflib, textwrap, unicodedata, shlex, pathlib, sqlite3, zipfile, gzip\nimport numpy as np\n')]
