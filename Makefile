# poforum: `make run` opens the app on the example sessions, `make test` runs the quick checks,
# `make test-all` (what CI runs) adds the slow tier: monkey tests, real terminals, browsers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SESSIONS ?= sessions

.PHONY: run test test-all lint contracts typecheck pytest pytest-all bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installed package (editable) with runtime dependencies only.
$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# The pinned test set on top.
$(VENV)/.test-installed: requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

run: $(VENV)/.installed
	$(BIN)/poforum --dir $(SESSIONS)

test: $(VENV)/.test-installed lint contracts typecheck pytest

test-all: $(VENV)/.test-installed lint contracts typecheck pytest-all

lint: $(VENV)/.test-installed
	$(BIN)/ruff check poforum_tui tests benchmarks
	$(BIN)/ruff format --check poforum_tui tests benchmarks

contracts: $(VENV)/.test-installed
	$(BIN)/lint-imports

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

# Two workers (the machine has two cores); the slow tier only in pytest-all.
pytest: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -n 2 -m "not slow"

pytest-all: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -n 2

bench: $(VENV)/.test-installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
