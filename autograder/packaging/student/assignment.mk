# One assignment of the course. Its commands live in the course folder, two levels up: here, `make grade`,
# `make test`, `make plots` and `make notebook` run them for this assignment only.

COURSE := ../..
ASSIGNMENT := $(notdir $(CURDIR))

.DEFAULT_GOAL := help
.PHONY: help grade test plots notebook

help:
	@echo "This folder is one assignment, $(ASSIGNMENT). Here, for this assignment only:"
	@echo "  make grade    make test    make plots    make notebook"
	@echo "For every assignment, run them in the course folder: cd $(abspath $(COURSE))"

grade test plots notebook:
	@echo "make $@ ONLY=$(ASSIGNMENT), in the course folder $(abspath $(COURSE))"
	@$(MAKE) --no-print-directory -C $(COURSE) $@ ONLY=$(ASSIGNMENT)

Makefile: ;

%:
	@echo "error: there is no 'make $@' in an assignment's folder; the course's commands run in its folder:" >&2
	@echo "       cd $(abspath $(COURSE)) && make $@" >&2
	@exit 2
