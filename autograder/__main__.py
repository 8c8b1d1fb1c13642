import os
import sys

for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # before numpy is imported:
    os.environ.setdefault(_threads, "1")  # the grader's arrays are tiny, and grade-all runs one grader per core

for _stream in (sys.stdout, sys.stderr):  # a character the terminal cannot encode is shown as an escape, never a crash
    if hasattr(_stream, "reconfigure"):
        _stream.reconfigure(errors="backslashreplace")

from autograder.cli import main  # noqa: E402

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:  # the reader went away (`make grade | head`): not an error of ours
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 0
except KeyboardInterrupt:  # Ctrl-C where a command has nothing of its own to say (grade and grade-all do)
    print("\ninterrupted", file=sys.stderr)
    code = 130
raise SystemExit(code)
