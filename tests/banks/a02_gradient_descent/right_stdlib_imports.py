"""Correct: the solution importing standard modules for containers, dates and locales, none loaded by the sandbox
ahead of time (as root the child runs as nobody, who may not enter a private home that holds the interpreter)."""

MUTATIONS = [('import numpy as np\n', 'import array, queue, weakref, pprint, reprlib, graphlib, calendar, datetime, zoneinfo, locale\nimport numpy as np\n')]
