# Lets `pytest assignments/aNN_topic` run the public tests against the sandboxed module, as `make grade` does.
# The grader itself never reads conftest files (it runs pytest with --noconftest).
pytest_plugins = ["autograder.plugin"]
