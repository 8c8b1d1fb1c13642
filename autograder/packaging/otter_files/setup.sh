#!/usr/bin/env bash
# Gradescope runs this once, as root, to build the grading image. It installs only what grading needs, pinned: a
# Python of PYTHON_MIN (below) or newer, a virtual environment with requirements.txt (numpy, pytest, matplotlib) and
# requirements-otter.txt (Otter-Grader and its dependencies). Otter's own setup.sh would also install Miniforge,
# mamba, a conda environment, build tools and Playwright's Chromium; none of it is used here (docs/otter.md).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SOURCE="$(cd "$(dirname "$0")" && pwd)"
VENV="${GD_VENV:-/opt/gd-autograder}"
# The oldest Python the pinned requirements install on, as the course's README and Makefile say (any 3.11.x from
# 3.11.0 on, and newer).
PYTHON_MIN=3.11

python_ok() { "$1" -c "import sys, venv, ensurepip; sys.exit(sys.version_info < (${PYTHON_MIN/./, }))" 2>/dev/null; }
python_version() { "$1" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo "unknown version"; }
find_python() {
  for candidate in python3.14 python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null && python_ok "$(command -v "$candidate")"; then command -v "$candidate"; return 0; fi
  done
  return 1
}

echo "setup.sh: needs Python $PYTHON_MIN or newer, with venv and ensurepip"
PY="$(find_python || true)"
if [ -z "$PY" ]; then
  if command -v python3 >/dev/null; then
    echo "setup.sh: python3 here is $(python_version python3), too old or without venv/ensurepip; installing a Python $PYTHON_MIN+ with apt-get"
  else
    echo "setup.sh: no python3 here; installing a Python $PYTHON_MIN+ with apt-get"
  fi
  if apt-get update -qq; then
    for version in 3.12 3.11; do
      if apt-get install -y -qq --no-install-recommends "python$version" "python$version-venv" >/dev/null 2>&1; then break; fi
    done
    apt-get install -y -qq --no-install-recommends python3-venv >/dev/null 2>&1 || true
  fi
  PY="$(find_python || true)"
fi
if [ -z "$PY" ]; then
  echo "setup.sh: could not find or install Python $PYTHON_MIN or newer with venv; in Configure Autograder, choose" \
       "the newest Ubuntu base image Gradescope offers (24.04 has Python 3.12)" >&2
  exit 1
fi
echo "setup.sh: using $PY ($("$PY" --version))"

"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --no-cache-dir --disable-pip-version-check \
  -r "$SOURCE/requirements.txt" -r "$SOURCE/requirements-otter.txt"

# The engine holds the solution and the hidden suite: readable by root only (the sandbox runs as nobody).
chmod -R go-rwx "$SOURCE/engine"
echo "setup.sh: done"
