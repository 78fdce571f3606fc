# Two commands for a new machine: `make run` (the product with demo data on
# http://127.0.0.1:5000) and `make test` (every test). Installs are incremental: they rerun
# when pyproject.toml or the test tools' package-lock.json change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000
TEST_TOOLS := tests/js

.PHONY: run test lint format clean bench

run: $(VENV)/.installed-run
	$(FLASK) db upgrade
	$(FLASK) iscg demo
	$(FLASK) run --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-test $(TEST_TOOLS)/node_modules/.installed
	$(BIN)/python -m pytest
	cd tests/example_plugin && $(abspath $(BIN))/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[serve]'
	touch $@

# The plugin guide's example plugin is installed too, so its tests run with the others.
$(VENV)/.installed-test: pyproject.toml setup.py tests/example_plugin/pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,serve]' -e tests/example_plugin
	touch $@

$(TEST_TOOLS)/node_modules/.installed: $(TEST_TOOLS)/package.json $(TEST_TOOLS)/package-lock.json
	npm ci --prefix $(TEST_TOOLS) --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) instance build dist *.egg-info $(TEST_TOOLS)/node_modules .pytest_cache .ruff_cache

# Not part of `make test`: throughput against a bare Flask app, a soak, and the feed rebuild.
bench: $(VENV)/.installed-test
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py
