# poforum: `make run` opens the app on the example sessions, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SESSIONS ?= sessions

.PHONY: run test lint contracts pytest bench clean

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

test: $(VENV)/.test-installed lint contracts pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check poforum_tui tests benchmarks
	$(BIN)/ruff format --check poforum_tui tests benchmarks

contracts: $(VENV)/.test-installed
	$(BIN)/lint-imports

pytest: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q

bench: $(VENV)/.test-installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
