# Two commands a newcomer needs: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Where people open the demo: every link the site sends out (emails, feeds) is built from it.
ADDRESS ?= http://$(HOST):$(PORT)
BIN    := $(VENV)/bin
export DJANGO_SETTINGS_MODULE ?= schoolsite.settings.dev

.PHONY: bench scale-test scale-deps demo digest test test-unit test-browser test-database-specific html-checker check install install-test browser-deps lint format messages messages-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp files re-run pip only when pyproject.toml changes.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[demo]"
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The task worker (email, search indexing) runs beside the web server and stops with it; it
# also sends the subscription emails every five minutes, and prints every email it sends.
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --address $(ADDRESS)
	$(BIN)/python manage.py send_subscription_emails --schedule
	@echo "Emails (subscriptions, comments, approvals) are printed here by the worker."
	@echo "To send the weekly digest to the demo's subscribers now: make digest (another terminal)."
	WAGTAILADMIN_BASE_URL=$(ADDRESS) $(BIN)/python manage.py db_worker --queue-name '*' & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  WAGTAILADMIN_BASE_URL=$(ADDRESS) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The week's digest for every weekly subscriber, now; the running demo's worker sends it.
digest: install
	$(BIN)/python manage.py send_subscription_emails --digest-now

# Browser tests drive Debian's Chromium; install it when it is missing (needs root or sudo).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The suite on every core (each xdist worker has its own test database; tests/conftest.py keeps
# a TestCase class on one worker, so its setUpTestData runs once), then the browser tests in one
# process around one seeded demo school. Exit status 5 is pytest's "no tests selected", as when
# PYTEST_ARGS names only browser tests, or none.
PYTEST := DJANGO_SETTINGS_MODULE=schoolsite.settings.test $(BIN)/python -m pytest
test: test-unit test-browser

test-unit: install-test html-checker
	$(PYTEST) -n auto --dist loadscope -m "not browser and not scale" $(PYTEST_ARGS) || [ $$? -eq 5 ]

test-browser: install-test browser-deps
	$(PYTEST) -m browser $(PYTEST_ARGS) || [ $$? -eq 5 ]

# The tests of code that differs by database: search's own index queries (FTS5 or tsvector),
# SQLite's settings and its behaviour under load, the comment counters' upserts, and queries
# comparing page paths. CI runs the whole suite on PostgreSQL (what a school runs in
# production) and these on SQLite as well.
DATABASE_SPECIFIC_TESTS := tests/search/test_search.py tests/search/test_search_promotions.py \
	tests/blogs/test_comment_defences.py tests/home/test_routing.py \
	tests/home/test_view_restrictions.py tests/schoolsite/test_database_resilience.py \
	tests/schoolsite/test_settings.py
test-database-specific: install-test
	$(PYTEST) -n auto --dist loadscope -m "not browser and not scale" \
	  $(DATABASE_SPECIFIC_TESTS) $(PYTEST_ARGS)

# The Nu HTML checker (vnu-jar, from npm; runs with Java) for tests/schoolsite/test_html_validity.py.
# npm ci writes node_modules/.package-lock.json itself, so it doubles as the stamp.
html-checker: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# The same checks as a fresh clone faces in CI: the system check and no missing migration.
check: install
	DJANGO_SETTINGS_MODULE=schoolsite.settings.dev $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=schoolsite.settings.dev $(BIN)/python manage.py makemigrations --check --dry-run

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Interface strings: collect them into locale/<lang>/LC_MESSAGES/django.po for translators,
# then compile the .mo files Django reads. Both are kept in git, so a fresh clone is already
# translated. Needs GNU gettext (Debian: apt-get install gettext).
LANGUAGES ?= cy pl ur
messages: install
	$(BIN)/python manage.py makemessages $(addprefix --locale=,$(LANGUAGES)) --no-obsolete \
	  --add-location=file --ignore=.venv --ignore=tests --ignore=docs --ignore=media \
	  --ignore=static_collected
	$(BIN)/python manage.py compilemessages --ignore=.venv

# CI: the catalogues hold every string in the code, and the .mo files match the .po files.
messages-check: messages
	git diff --exit-code -I '^"POT-Creation-Date' -- locale

clean:
	rm -rf $(VENV) db.sqlite3 media private-media static_collected node_modules

# A school group's site on this machine (tests/scale/): two gunicorn app servers with the
# production settings behind nginx and its proxy cache (deploy/nginx.conf), sharing one
# PostgreSQL, one Redis and moto's S3 server, all on free ports of 127.0.0.1 in a throwaway
# folder that is removed, with every process, whatever happens. About a minute.
scale-test: install-test scale-deps
	$(PYTEST) -m scale tests/scale --durations=5 $(PYTEST_ARGS)

# What scale-test runs, from Debian, installed when missing (needs root or sudo).
scale-deps:
	@missing=""; \
	  [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	  [ -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || \
	    missing="$$missing libnginx-mod-http-cache-purge"; \
	  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	  if [ -n "$$missing" ]; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	  fi

# Public pages under load, before and after, in one run (scripts/bench.py; needs wrk): seeds
# BENCH_POSTS posts into .bench/ (once), serves the baseline and this version with the
# production settings under gunicorn, prints the table and writes it into docs/benchmarks.md.
BENCH_POSTS ?= 10000
BENCH_BASELINE ?= 4726807
bench: install-test
	@command -v wrk >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
	$(BIN)/python scripts/bench.py --posts $(BENCH_POSTS) --baseline $(BENCH_BASELINE) $(BENCH_ARGS)
