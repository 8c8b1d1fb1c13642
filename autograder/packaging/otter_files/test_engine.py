OK_FORMAT = False

from otter.test_files import test_case

name = "engine"


@test_case(points=0, hidden=False)
def test_engine(env):
    """Otter needs one test file; the course's sandboxed engine grades the submission, not this kernel."""
