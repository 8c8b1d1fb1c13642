"""Correct: the solution importing standard modules for logging, options, configuration and files, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import numpy as np\n', 'import logging, argparse, optparse, getopt, configparser, tomllib, io, tempfile, shutil, fnmatch\nimport numpy as np\n')]
