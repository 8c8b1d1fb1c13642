# Gradient descent and backpropagation: assignments and their grader.
# Plain `make` lists the targets. Everything runs in .venv, built on first use from requirements.txt.

ifeq ($(OS),Windows_NT)
$(error This course needs Linux, macOS or WSL (the grader's sandbox needs fork). On Windows: run `wsl --install` in PowerShell, open the Ubuntu terminal, clone the course there, and run make grade)
endif

PYTHON3 ?= python3
# The oldest Python the course runs on, as README.md, pyproject.toml and the Otter zips' setup.sh say; every pin in
# requirements*.txt installs on it and on every newer one (tests/test_pythons.py checks both).
PYTHON_MIN := 3.11
VENV := .venv
PY := $(VENV)/bin/python
SUBMISSION ?= assignments
SUBMISSIONS ?=
SHARD ?=
OUTS ?=
OUT ?= grades
ONLY ?=
RESULTS ?=
FORCE ?=
VERSION ?=
COURSE_URL ?=
HIDDEN_VISIBILITY ?= after_published
FIGURES ?=
SKIP ?=
OTTER_VENV := .otter-venv
OTTER_PY := $(OTTER_VENV)/bin/python

only_args := $(foreach a,$(ONLY),--only $(a))

.DEFAULT_GOAL := help
.PHONY: help grade grade-all merge-grades test test-fast stubs check-stubs notebooks check-notebooks notebook \
	check-translations bench otter release clean plots

help: ## list the targets
	@echo "Usage: make <target> [VAR=value]"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-19s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Variables: SUBMISSION=DIR (grade), RESULTS=FILE (grade), ONLY=\"a01_gradients ...\" (grade, grade-all, check-translations),"
	@echo "           SUBMISSIONS=DIR|ZIP OUT=DIR FORCE=1 SHARD=i/n (grade-all), OUTS=\"o1 o2\" OUT=DIR (merge-grades),"
	@echo "           VERSION=x.y.z COURSE_URL=https://.../student-x.y.z.zip (release), LANG=zh-CN (notebooks),"
	@echo "           HIDDEN_VISIBILITY=after_published|visible|hidden|after_due_date (otter)"
	@echo "           SKIP=otter,class,first-run,make-test,... (bench: leave these sections out)"
	@echo "           SUBMISSION=DIR FIGURES=DIR ONLY=... (plots: draw DIR's own figures into FIGURES, default my_figures)"

# Before a virtual environment is made: PYTHON3 must run, be PYTHON_MIN or newer, and have venv and ensurepip (Debian
# and Ubuntu ship them apart, in python3-venv); otherwise say which, and what to do, instead of a pip error.
comma := ,
define check-python
@found="$$($(PYTHON3) -c 'import platform; print(platform.python_version())' 2>/dev/null)"; \
if [ -z "$$found" ]; then \
  echo "error: '$(PYTHON3)' is not Python $(PYTHON_MIN) or newer: it did not run as Python here." >&2; \
  echo "       Install Python $(PYTHON_MIN) or newer and run: make $(MAKECMDGOALS) PYTHON3=python3.12   (or whichever python3.x you have)" >&2; \
  exit 2; \
elif ! $(PYTHON3) -c 'import sys; sys.exit(sys.version_info < ($(subst .,$(comma) ,$(PYTHON_MIN))))' 2>/dev/null; then \
  echo "error: '$(PYTHON3)' is not Python $(PYTHON_MIN) or newer: it is Python $$found (numpy 2.4 needs $(PYTHON_MIN))." >&2; \
  echo "       Install Python $(PYTHON_MIN) or newer and run: make $(MAKECMDGOALS) PYTHON3=python3.12   (or whichever python3.x you have)" >&2; \
  exit 2; \
elif ! $(PYTHON3) -c 'import venv, ensurepip' 2>/dev/null; then \
  echo "error: '$(PYTHON3)' (Python $$found) cannot make virtual environments: its venv or ensurepip module is missing." >&2; \
  echo "       On Debian or Ubuntu: sudo apt-get install python3-venv (python3.x-venv for a python3.x), then run make $(MAKECMDGOALS) again." >&2; \
  exit 2; \
fi
endef

# .venv also holds JupyterLab (requirements-notebook.txt, what the student bundle's `make notebook` installs), so
# that `make notebook` works here too and the tests check those pins.
$(PY): requirements.txt requirements-dev.txt requirements-notebook.txt
	$(check-python)
	$(PYTHON3) -m venv --copies $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt \
	  -r requirements-notebook.txt
	@touch $(PY)

# Otter-Grader builds the Gradescope zips; it is large (about 100 packages), so it lives in its own environment,
# never in .venv and never in the student bundle. requirements-otter.txt pins all of it.
# --copies, as for .venv: the touch below marks the environment as built; through a symlink it would touch the
# interpreter itself (and fail, as anyone but root, for /usr/bin/python3).
$(OTTER_PY): requirements.txt requirements-otter.txt
	$(check-python)
	$(PYTHON3) -m venv --copies $(OTTER_VENV)
	$(OTTER_PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-otter.txt
	@touch $(OTTER_PY)

grade: $(PY) ## grade SUBMISSION (default: assignments) and print a table; RESULTS=FILE writes results.json
	@$(PY) -m autograder grade --submission "$(SUBMISSION)" $(only_args) $(if $(RESULTS),--results "$(RESULTS)")

grade-all: $(PY) ## grade the class in SUBMISSIONS (Gradescope exports, student folders) into OUT: grades.csv
	@test -n "$(SUBMISSIONS)" || { echo "error: set SUBMISSIONS=DIR, a folder of Gradescope exports (zips or folders) or of student folders" >&2; exit 2; }
	@$(PY) -m autograder grade-all "$(SUBMISSIONS)" "$(OUT)" $(only_args) $(if $(FORCE),--force) $(if $(SHARD),--shard "$(SHARD)")

merge-grades: $(PY) ## join the OUT folders of every grade-all shard (OUTS="o1 o2 ...") into OUT/grades.csv
	@test -n "$(OUTS)" || { echo "error: set OUTS=\"shard1 shard2 ...\", the OUT folder of every shard" >&2; exit 2; }
	@$(PY) -m autograder merge-grades $(OUTS) --into "$(OUT)"

test: $(PY) $(OTTER_PY) ## run the grader's own test suite (stubs, solutions, banks, hostile submissions, Otter zips)
	$(PY) -m pytest

# The inner loop while working on the engine: the sandbox, the checks, the stubs and one assignment's notebook, in
# a couple of minutes. `make test` is the whole suite, and what CI and a merge run.
FAST_TESTS := tests/test_sandbox.py tests/test_checks.py tests/test_wire.py tests/test_text.py tests/test_stubs.py \
  tests/test_notebooks.py
test-fast: $(PY) ## the sandbox, the checks and a01 only (every notebook test, on a01's notebook): under a minute
	$(PY) -m pytest $(FAST_TESTS) -k "not (a02 or a03 or a04 or a05 or a06 or a07 or a08)"

stubs: $(PY) ## regenerate assignments/*/ stubs from solutions/
	@$(PY) -m autograder stubs

check-stubs: $(PY) ## fail if a stub differs from what `make stubs` writes
	@$(PY) -m autograder stubs --check

# LANG is also the locale's variable: only a LANG given on the command line picks the handouts' language.
notebooks: $(PY) ## write assignments/*/<assignment>[.zh-CN].ipynb from the handouts (LANG=zh-CN or en: only that one)
	@$(PY) -m autograder notebooks $(if $(filter command line,$(origin LANG)),--lang "$(LANG)")

check-notebooks: $(PY) ## fail if a notebook differs from what `make notebooks` writes
	@$(PY) -m autograder notebooks --check $(if $(filter command line,$(origin LANG)),--lang "$(LANG)")

# As root (a container), Jupyter wants to be told that this is meant.
notebook: $(PY) ## open the assignments' notebooks in JupyterLab (ONLY=a01_gradients: that one)
	$(PY) -m jupyterlab $(if $(filter 0,$(shell id -u)),--allow-root) \
	  $(if $(ONLY),$(foreach a,$(ONLY),assignments/$(a)/$(a).ipynb),--notebook-dir=.)

check-translations: $(PY) ## fail if a handout and its Chinese version disagree on formulas, tables, figures, code
	@$(PY) -m autograder check-translations $(only_args)

# Without SUBMISSION on the command line: the reference figures into assignments/*/figures (the handouts embed them).
plots: $(PY) ## draw the handouts' figures; SUBMISSION=DIR draws DIR's own (sandboxed) into FIGURES (default my_figures)
	@$(PY) -m autograder plots $(if $(filter command line environment,$(origin SUBMISSION)),--submission "$(SUBMISSION)") \
	  $(if $(FIGURES),--out "$(FIGURES)") $(only_args)

bench: $(PY) $(OTTER_PY) ## measure grading against Otter, a class of 1,000, a fresh clone; write BENCHMARKS.md (SKIP=...)
	@$(PY) -m autograder bench $(if $(SKIP),--skip "$(SKIP)")

otter: $(PY) $(OTTER_PY) ## build dist/otter/<assignment>.zip, one Otter-Grader autograder per assignment
	@$(PY) -m autograder otter --out dist/otter $(only_args) --hidden-visibility "$(HIDDEN_VISIBILITY)"

release: $(PY) $(OTTER_PY) ## VERSION=x.y.z [COURSE_URL=...]: check every gate, then write dist/ (bundle, zips, manifest)
	@test -n "$(VERSION)" || { echo "error: set VERSION=x.y.z (CHANGELOG.md needs a section for it)" >&2; exit 2; }
	@$(PY) -m autograder release "$(VERSION)" --out dist $(if $(COURSE_URL),--course-url "$(COURSE_URL)")

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) $(OTTER_VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
