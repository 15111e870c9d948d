# Two commands for a new machine: `make serve` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8000
# Silences Material for MkDocs' end-of-life notice (9.8.x; the name dates from 9.7's MkDocs 2.0 notice).
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build dist test test-fast lint lock twins bench clean

## setup: Python venv + pinned packages, lossbook in editable mode, KaTeX/axe-core from npm
setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## browser: Debian's chromium, driven by Playwright in the site tests
/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core

## serve: build everything and serve site/ with live reload on http://127.0.0.1:$(PORT)/;
## a save in docs/, lossbook/, bookbuild/, overrides/ or mkdocs.yml rebuilds what it changed
serve: setup
	$(PY) -m bookbuild serve --port $(PORT)

## build: pre-render to build/prerender/<lang>/, one strict MkDocs build per language, merged
## into site/ (Vietnamese at /, English at /en/); a warning fails
build: setup
	$(PY) -m bookbuild build

## dist: the book to take away, in dist/: lossbook.zip (the whole site, works unzipped from
## file://) and lossbook-vi.pdf, lossbook-en.pdf (printed by Debian's chromium); the site's
## public address from LOSSBOOK_SITE_URL (README: "Publishing")
dist: setup /usr/bin/chromium
	$(PY) -m bookbuild.dist

## test: every test: package, doctests, pages' examples, built site in a real browser
## (MkDocs and the Zensical smoke check)
test: setup /usr/bin/chromium lint
	$(PY) -m pytest

## test-fast: everything but the browser suite (~1-2 min)
test-fast: setup lint
	$(PY) -m pytest -m "not browser"

## lint: ruff (lint and format check; configured in pyproject.toml)
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## lock: requirements.txt regenerated from requirements.in in a fresh venv (tests/test_requirements.py checks they agree)
lock:
	rm -rf .lock-venv && python3 -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	.lock-venv/bin/pip freeze --exclude-editable | sort -f > requirements.txt
	rm -rf .lock-venv

## twins: which translated paragraphs are out of step (then: $(PY) -m lossbook.twins accept docs/NN-topic.md)
twins: setup
	$(PY) -m lossbook.twins check

## bench: the benchmark scripts (figures and ratios, not tests), Lighthouse last
bench: setup /usr/bin/chromium benchmarks/lighthouse/node_modules/.installed
	@for b in benchmarks/bench_*.py benchmarks/lighthouse/bench_lighthouse.py; do echo "== $$b"; $(PY) $$b || exit 1; done

benchmarks/lighthouse/node_modules/.installed: benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## clean: what the build writes (nothing is ever written into docs/)
clean:
	rm -rf site build .cache dist
