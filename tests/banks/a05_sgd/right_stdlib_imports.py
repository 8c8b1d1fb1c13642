"""Correct: the solution importing standard modules for concurrency and processes, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import numpy as np\n', 'import concurrent.futures, threading, multiprocessing, asyncio, sched, selectors, signal, subprocess, contextvars, atexit\nimport numpy as np\n')]
