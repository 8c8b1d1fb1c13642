"""Drivers: trusted code that runs inside the sandbox on behalf of a test.

- A *probe* is a plain callable that a test may pass to a submitted function (`f` in a numerical gradient).
  The test process sends only its name; the child calls its own copy.
- A *driver* receives the module under test (the submission in the sandbox, the reference in the test
  process) and returns plain data: it builds object graphs, rng objects, callables that cannot cross.

Each assignment keeps its drivers in `autograder/drivers/<folder>.py`. They ship to students: never put
expected values in them. They may import only modules the zygote pre-imports (`zygote.PREIMPORT`).
"""


def probe(fn):
    """Mark `fn` as a callable that tests may pass to submitted code by name."""
    fn.__probe__ = True
    fn.__wire_name__ = _wire_name(fn)
    return fn


def driver(fn):
    """Mark `fn(module, *args)` as runnable in the sandbox with `student.run(fn, *args)`."""
    fn.__driver__ = True
    fn.__wire_name__ = _wire_name(fn)
    return fn


def _wire_name(fn) -> str:
    return f"{fn.__module__.rpartition('.')[2]}.{fn.__qualname__}"
