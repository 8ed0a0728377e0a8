# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON_BIN ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist); TEST_WORKERS=0 runs the tests in this one, for pdb.
TEST_WORKERS ?= 2

.PHONY: run test test-fast lint serve screenshots bench loadtest faulttest clean

$(INSTALLED): requirements.txt requirements-dev.txt
	$(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(INSTALLED)

run: export DJANGO_SETTINGS_MODULE ?= portal.settings.development
# The address the server listens on is the one emails and start-up messages give.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: $(INSTALLED)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py seed_portal
	$(PY) manage.py ensure_local_admin
	$(PY) manage.py use_local_site_address --host $(HOST) --port $(PORT)
	$(PY) manage.py run_scheduler & scheduler=$$!; \
	$(PY) manage.py run_jobs & jobs=$$!; \
	trap 'kill $$scheduler $$jobs 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# pytest always uses portal.settings.test (pyproject.toml), whatever the shell says.
test: export DJANGO_SETTINGS_MODULE = portal.settings.test
test: $(INSTALLED)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The inner loop: everything but the browser tests and the slow ones.
test-fast: export DJANGO_SETTINGS_MODULE = portal.settings.test
test-fast: $(INSTALLED)
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not browser and not slow" $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Production mode: needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (docs/deploying.md).
serve: export DJANGO_SETTINGS_MODULE ?= portal.settings.production
serve: $(INSTALLED)
	$(PY) manage.py check --deploy
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py run_scheduler & scheduler=$$!; \
	$(PY) manage.py run_jobs & jobs=$$!; \
	trap 'kill $$scheduler $$jobs 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn portal.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --threads $${WEB_THREADS:-4} \
		--no-control-socket --access-logfile - --forwarded-allow-ips "$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

screenshots: export DJANGO_SETTINGS_MODULE = portal.settings.test
screenshots: $(INSTALLED)
	SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest tests/portal/test_screenshots.py
	SCREENSHOT_DIR=docs/guides/screenshots $(PY) -m pytest -m journey

# Production mode on the benchmark's own databases under bench/.work/ (docs/benchmarks.md).
# BENCH_SECONDS shortens each measurement; DATABASE_URL set to PostgreSQL measures that.
bench: $(INSTALLED)
	$(PY) -m bench.run bench

# 200 connections for 60 s on the public pages; fails on any 5xx or socket error.
loadtest: $(INSTALLED)
	$(PY) -m bench.run loadtest

# The production server on PostgreSQL under load while Redis and the database fail;
# fails on any 5xx not in flight at a fault (bench/faulttest.py, docs/reliability.md).
faulttest: $(INSTALLED)
	$(PY) -m bench.faulttest

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
