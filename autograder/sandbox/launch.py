"""Start the zygote. Standard library only, so a command can start it before importing numpy or pytest
and let it import numpy on the other core meanwhile."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile

from autograder.sandbox import protocol

ENGINE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); from autograder.sandbox import zygote; "
        "zygote.main(int(sys.argv[2]), sys.argv[3])")
CLEAN_ENV = {
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
}


class Zygote:
    """A started zygote process: its control socket and its empty working directory."""

    def __init__(self, disabled: str | None = None):
        """`disabled`: the capabilities switched off (comma-separated); by default, what GD_SANDBOX_DISABLE says."""
        if disabled is None:
            from autograder.sandbox import capabilities

            disabled = ",".join(sorted(capabilities.disabled_from(os.environ))) or "-"
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.workdir = tempfile.TemporaryDirectory(prefix="ag-zygote-")
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", BOOT, ENGINE_ROOT, str(theirs.fileno()), disabled],
            pass_fds=[theirs.fileno()], env=CLEAN_ENV, cwd=self.workdir.name,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C is the grader's to handle: it stops the zygote, which also dies with it
        )
        theirs.close()
        self.control = mine
        self.ready = False  # it has said READY (read by whoever waited first)

    def stop(self) -> None:
        """Let it finish the requests already sent (kill and reap closed sessions), then stop."""
        try:
            protocol.send_control(self.control, {"op": protocol.Op.EXIT})
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self.control.close()
        self.workdir.cleanup()
