# Two commands do everything on a fresh machine:
#   make serve   set up, then run the server with its demo data on http://127.0.0.1:8000
#   make test    set up (Python packages, Chromium), then lint, type-check, look for dead code
#                and run every test (on SQLite; again on PostgreSQL when POSTGRES_TEST_URL is
#                set, as in .ci/run)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PARALLEL := -n auto --dist loadscope

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
	$(BIN)/vulture
	$(BIN)/hadolint Dockerfile

# With POSTGRES_TEST_URL (as .ci/run sets it) the suite runs again on PostgreSQL; the
# browser and extractor tests, which do not touch the database engine, run once.
# Each pass spreads its tests over every core (pytest-xdist; a module's tests stay together,
# so the records they share are built once).
test: setup-test lint
	$(BIN)/pytest $(PARALLEL)
	@if [ -n "$$POSTGRES_TEST_URL" ]; then \
	  echo "Running the suite again on PostgreSQL"; \
	  ONRECORD_TEST_DATABASE_URL="$$POSTGRES_TEST_URL" $(BIN)/pytest -q $(PARALLEL) \
	    --ignore=tests/browser --ignore=tests/extract; fi
