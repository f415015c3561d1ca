# Two commands do everything on a fresh machine:
#   make serve   set up, then run the server with its demo data on http://127.0.0.1:8000
#   make test    set up (Python packages, Chromium), then lint, type-check and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test setup setup-test chromium lint

$(BIN)/onrecord: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $@

setup: $(BIN)/onrecord

serve: setup
	$(BIN)/onrecord serve

$(VENV)/.test-deps: pyproject.toml $(BIN)/onrecord
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup-test: $(VENV)/.test-deps chromium

# Debian's Chromium, driven by PyPI playwright (playwright's own browser download cannot run here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian's packages"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: $(VENV)/.test-deps
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

test: setup-test lint
	$(BIN)/pytest
