# Set-up is part of every target: a fresh clone needs only `make serve` or `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
# Material 9.8 prints an end-of-life banner on every build; it is noise for us (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build editions test lint fix fix-outputs bench clean translated translated-all stale-translations

# The stamp is rebuilt whenever requirements.txt changes, so a pin bump reinstalls.
$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required: install python3.11 (or run make PYTHON=/path/to/python3.11)."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# JavaScript pinned in package-lock.json: KaTeX typesets the math when the site is built,
# axe-core checks accessibility in the browser tests. `npm ci` installs exactly the locked
# versions, again whenever the lock changes.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js with npm is required to typeset the math and run the browser tests: install nodejs and npm (any current release)."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

serve: setup
	$(BIN)/mkdocs serve --strict --dirty --dev-addr 127.0.0.1:8000  # --dirty: sitebuild/edit_loop.py

build: setup
	$(BIN)/mkdocs build --strict
	$(MAKE) editions

# The offline copy (a zip) and the PDF of each language, into site/downloads/ (Home links
# there). A build of its own per language, plus Chromium printing: never part of `make serve`.
editions: setup
	$(BIN)/python -m sitebuild.editions site/downloads

# In parallel (pytest-xdist): one worker builds the site while the others run what needs no site,
# and each page's browser checks stay on one worker (tests/conftest.py);
# `make test TEST_WORKERS=0` runs everything in one process.
TEST_WORKERS ?= auto
test: setup lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# Rewrite the '#>' output comments of every snippet in docs/ from a real run.
fix-outputs: setup
	$(BIN)/python -m pytest docs --update-outputs -q

# Translations record which version of the English they translate (sitebuild/translation_versions.py).
# After updating a translation: `make translated PAGE=docs/x.ko.md` (or examples/x.ko.md; several
# separated by spaces). `make translated-all` marks every one current, e.g. after merging English and
# Korean changes made together. `make stale-translations` lists the stale ones with the English diff.
translated: setup
	@test -n "$(PAGE)" || { echo "Name the translation: make translated PAGE=docs/x.ko.md"; exit 1; }
	$(BIN)/python -m sitebuild.translation_versions mark $(PAGE)

translated-all: setup
	$(BIN)/python -m sitebuild.translation_versions mark --all

stale-translations: setup
	$(BIN)/python -m sitebuild.translation_versions stale

# Style checks, run before the tests and by pre-commit; each finding names file, line and rule.
# `make fix` applies what can be fixed automatically. Settings: pyproject.toml (YAML: .yamllint.yml).
MARKDOWN  := docs README.md CONTRIBUTING.md .github
# Every YAML file, as pre-commit checks them; .yamllint.yml leaves out .venv/ and the like.
YAML      := .
WORKFLOWS := $(wildcard .github/workflows/*.yml)
ISSUE_FORMS := $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))

lint: setup
	$(BIN)/ruff check --output-format=concise
	$(BIN)/ruff format --check
	$(BIN)/pymarkdown scan --recurse $(MARKDOWN)
	$(BIN)/yamllint --strict --format parsable $(YAML)
	$(BIN)/pre-commit validate-config .pre-commit-config.yaml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-actions $(wildcard .github/actions/*/action.yml)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(ISSUE_FORMS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml

fix: setup
	$(BIN)/ruff check --fix
	$(BIN)/ruff format
	$(BIN)/pymarkdown fix --recurse $(MARKDOWN)

# Benchmarks, not tests: prints a table and writes bench/results.json; never fails on a timing.
# Needs Debian's Chromium (apt-get install -y chromium). Lighthouse comes from package-lock.json.
# `make bench BENCH_ARGS=--skip-tests` leaves out the test suite, the longest step;
# `make bench BENCH_ARGS=--only-lighthouse` runs one warm build and Lighthouse alone.
bench: setup
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf site .cache .pytest_cache
