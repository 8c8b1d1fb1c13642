#!/usr/bin/env bash
# Gradescope runs this once, as root, to build the grading image. It installs only what grading needs, pinned:
# a Python of 3.11 or newer, a virtual environment with requirements.txt (numpy, pytest, matplotlib) and
# requirements-otter.txt (Otter-Grader and its dependencies). Otter's own setup.sh would also install Miniforge,
# mamba, a conda environment, build tools and Playwright's Chromium; none of it is used here (docs/otter.md).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SOURCE="$(cd "$(dirname "$0")" && pwd)"
VENV="${GD_VENV:-/opt/gd-autograder}"

python_ok() { "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null && python_ok "$(command -v "$candidate")"; then command -v "$candidate"; return 0; fi
  done
  return 1
}

PY="$(find_python || true)"
if [ -z "$PY" ]; then
  echo "setup.sh: no Python 3.11+ with venv found; installing one with apt-get"
  apt-get update -qq
  for version in 3.12 3.11; do
    if apt-get install -y -qq --no-install-recommends "python$version" "python$version-venv" >/dev/null 2>&1; then break; fi
  done
  apt-get install -y -qq --no-install-recommends python3-venv >/dev/null 2>&1 || true
  PY="$(find_python || true)"
fi
if [ -z "$PY" ]; then
  echo "setup.sh: could not install Python 3.11 or newer; choose Gradescope's Ubuntu 24.04 base image" >&2
  exit 1
fi
echo "setup.sh: using $PY ($("$PY" --version))"

"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --no-cache-dir --disable-pip-version-check \
  -r "$SOURCE/requirements.txt" -r "$SOURCE/requirements-otter.txt"

# The engine holds the solution and the hidden suite: readable by root only (the sandbox runs as nobody).
chmod -R go-rwx "$SOURCE/engine"
echo "setup.sh: done"
