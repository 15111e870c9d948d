# Two commands for a new machine: `make serve` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test bench clean

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

## serve: build everything and serve the site with live reload on http://127.0.0.1:$(PORT)/
serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT) --livereload

## build: the static site in site/, strict (a warning fails)
build: setup
	$(VENV)/bin/mkdocs build --strict

## test: every test: package, doctests, pages' examples, built site in a real browser
test: setup /usr/bin/chromium
	$(PY) -m pytest

## bench: the benchmark scripts (figures and ratios, not tests), Lighthouse last
bench: setup /usr/bin/chromium benchmarks/lighthouse/node_modules/.installed
	@for b in benchmarks/bench_*.py benchmarks/lighthouse/bench_lighthouse.py; do echo "== $$b"; $(PY) $$b || exit 1; done

benchmarks/lighthouse/node_modules/.installed: benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .cache docs/assets/figures docs/notebooks/*.md docs/notebooks/*.ipynb docs/notebooks/*.png
