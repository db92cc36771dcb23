# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install install-dev chromium validators migrate demo superuser lint format

# Packages are installed with uv (pinned here), which pip puts into the virtualenv: the same
# pinned requirements as pip would install, compiled to bytecode as pip does (a machine may set
# PYTHONDONTWRITEBYTECODE, and every process would then compile its imports again), in ~20 s
# instead of ~50 s from a clean clone.
UV_VERSION := 0.13.8

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Re-install only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Debian's Chromium for the browser tests (never a downloaded browser).
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" -ne 0 ]; then echo "Chromium is missing: run 'sudo apt-get install -y chromium'"; exit 1; fi; \
		echo "Installing Debian's chromium..."; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
		|| { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }; \
	fi

# The W3C Nu HTML Checker for tests/validators/: vnu.jar (pinned, from npm; installed into the
# git-ignored .validators/, again only when VNU_VERSION changes) and Debian's Java to run it
# (installed with apt-get when `java` is missing, as root).
VNU_VERSION := 26.9.27
VNU_STAMP := .validators/.vnu-jar-$(VNU_VERSION)

$(VNU_STAMP):
	npm install --prefix .validators --save-exact --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)
	touch $@

validators: $(VNU_STAMP)
	@if ! command -v java >/dev/null; then \
		if [ "$$(id -u)" -ne 0 ]; then echo "Java is missing: run 'sudo apt-get install -y default-jre-headless'"; exit 1; fi; \
		echo "Installing Debian's default-jre-headless..."; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless >/dev/null \
		|| { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q default-jre-headless >/dev/null; }; \
	fi

# The site's public address, written into the default Wagtail Site by migrate and load_demo
# (base/sites.py); locally, the address runserver answers on.
SITE_URL ?= http://127.0.0.1:$(PORT)

migrate: install
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py migrate --noinput

demo: migrate
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo

run: demo
	@echo ""
	@echo "  Site:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/  (create a login first with: make superuser)"
	@echo "  The newsletter worker runs alongside; in development, newsletters are printed here."
	@echo ""
	@SITE_URL=$(SITE_URL) $(BIN)/python manage.py newsletter_worker --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The worker that sends newsletters (manage.py newsletter_worker), on its own; `make run` starts one.
worker: migrate
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py newsletter_worker

# The production settings under gunicorn on 127.0.0.1:PORT, WEB_CONCURRENCY workers (default 2).
# For local use it answers on plain http: unless set, DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost,
# DJANGO_SECURE_SSL_REDIRECT=false, SITE_URL=http://127.0.0.1:PORT, and a throwaway DJANGO_SECRET_KEY
# for this run (logins end when it stops). Real deployments set these themselves: see docs/deploy.md. gunicorn also reads
# GUNICORN_CMD_ARGS, e.g. GUNICORN_CMD_ARGS="--access-logfile -".
.PHONY: serve

serve: install
	@set -e; \
	if [ -z "$$DJANGO_SECRET_KEY" ]; then \
		echo "DJANGO_SECRET_KEY is not set: using a throwaway key for this run."; \
		DJANGO_SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))"); \
		export DJANGO_SECRET_KEY; \
	fi; \
	export DJANGO_SETTINGS_MODULE=mysite.settings.production \
		DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
		DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-false}" \
		DJANGO_SERVE_MEDIA="$${DJANGO_SERVE_MEDIA:-true}" \
		SITE_URL="$(SITE_URL)"; \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0; \
	$(BIN)/python manage.py migrate --noinput; \
	echo ""; echo "  Site: http://127.0.0.1:$(PORT)/  (production settings, gunicorn)"; echo ""; \
	exec $(BIN)/gunicorn mysite.wsgi --bind 127.0.0.1:$(PORT) --workers "$${WEB_CONCURRENCY:-2}" \
		--no-control-socket

# Debian's Varnish, wrk and nginx, for serve-cached and the load and fault runs (installed with
# apt-get when missing, as root; on a machine with systemd, apt also starts their default services).
.PHONY: front-tools serve-cached load load-sqlite faults varnish-purge-check shared-cache-check

front-tools:
	@missing=; \
	for tool in varnish:/usr/sbin/varnishd wrk:/usr/bin/wrk nginx:/usr/sbin/nginx; do \
		[ -x "$${tool#*:}" ] || missing="$$missing $${tool%%:*}"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" -ne 0 ]; then echo "Missing:$$missing. Run 'sudo apt-get install -y$$missing'"; exit 1; fi; \
		echo "Installing Debian's$$missing..."; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null \
		|| { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; }; \
	fi

# `make serve` (gunicorn on 127.0.0.1:PORT) behind Varnish on 127.0.0.1:VARNISH_PORT, with
# deploy/varnish/default.vcl (its backend port set to PORT); publishing purges Varnish
# (FRONTEND_CACHE_URL). Varnish's working files live in a temporary folder. Ctrl-C stops both.
VARNISH_PORT ?= 8080

serve-cached: front-tools install
	@set -e; workdir=$$(mktemp -d); chmod 755 $$workdir; \
	sed 's/\.port = "8000";/.port = "$(PORT)";/' deploy/varnish/default.vcl >$$workdir/default.vcl; \
	/usr/sbin/varnishd -n $$workdir -P $$workdir/varnishd.pid -a 127.0.0.1:$(VARNISH_PORT) \
		-f $$workdir/default.vcl -s malloc,256m; \
	trap 'kill $$(cat $$workdir/varnishd.pid) 2>/dev/null; rm -rf $$workdir' EXIT INT TERM; \
	echo "  Varnish: http://127.0.0.1:$(VARNISH_PORT)/ in front of gunicorn on 127.0.0.1:$(PORT)"; \
	FRONTEND_CACHE_URL=http://127.0.0.1:$(VARNISH_PORT) $(MAKE) --no-print-directory serve

# Measurements on a throwaway PostgreSQL database with the demo content (docs/deploy.md, "Measured"):
# 30 s of mixed load on serve and serve-cached against nginx; the database and Redis taken away
# during load; a publish seen through Varnish at once.
load: front-tools install
	$(BIN)/python bench/load.py

faults: front-tools install
	$(BIN)/python bench/faults.py

# One machine without Redis (SQLite, the file cache, 2 gunicorn workers): readers, newsletter
# signups and publishes at once lose nothing; the post's throughput rendered and cached
# (bench/one_machine_load.py, ~3 minutes; LOAD_BASELINE=<commit> also measures that commit's code).
load-sqlite: front-tools install
	$(BIN)/python bench/one_machine_load.py

varnish-purge-check: front-tools install
	$(BIN)/python bench/varnish_purge_check.py

# Without Redis, `make serve`'s two gunicorn workers share the file cache: a publish through one
# is seen at once on the other (~30 s, SQLite; bench/shared_cache_check.py).
shared-cache-check: install
	$(BIN)/python bench/shared_cache_check.py

# Known vulnerabilities in the pinned requirements (pip-audit asks pypi.org's JSON API; needs the
# network). Not part of `make test` or CI: an advisory published tomorrow must not fail today's build.
.PHONY: audit-deps

audit-deps: install-dev
	$(BIN)/pip-audit --requirement requirements.txt --strict --progress-spinner off

superuser: migrate
	$(BIN)/python manage.py createsuperuser

# The suite in one process per core (pytest-xdist); TEST_WORKERS=0 runs it in this process.
TEST_WORKERS ?= auto

test: install-dev chromium validators
	$(BIN)/pytest -n $(TEST_WORKERS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Reader pages and search (prefix, typo, phrase, suggestions) timed on throwaway sites of
# BENCH_SIZES posts (default "100 10000"), e.g. `make bench BENCH_SIZES="100 1000"`. BENCH_DB picks
# the database: sqlite (default), postgres (a database created on 127.0.0.1:5432 as user postgres,
# dropped afterwards), or "sqlite postgres" for both. BENCH_KEEP=<folder> keeps the built sites
# (SQLite files there, PostgreSQL databases bench_keep_<size>). A benchmark, not a test: see bench/README.md.
.PHONY: bench

bench: install-dev
	$(BIN)/python bench/reader_bench.py

# An issue sent to 10,000 subscribers through a real SMTP server, the worker killed twice and
# started again, readers reading meanwhile: exactly one mail each, mails a second
# (bench/newsletter_bench.py; NEWSLETTER_BENCH_SUBSCRIBERS changes the number).
.PHONY: bench-newsletter
bench-newsletter: install-dev
	$(BIN)/python bench/newsletter_bench.py

# Lighthouse (pinned, from npm; installed into the git-ignored .audit/) on the seed post, mobile and
# desktop. The target serves the demo site itself (the database `make run` uses) on AUDIT_PORT,
# warms it up (images get their renditions on the first request) and stops it afterwards; `make run`
# may keep running meanwhile. runserver sends CSS and HTML uncompressed, unlike production behind a
# compressing proxy, so transfer sizes here are an upper bound. Needs Node 20, npm and curl. Fails
# when a score is under its target: performance 95 (mobile), the other three categories 100.
# Reports: test-artifacts/lighthouse/seed-post-{mobile,desktop}.report.{html,json}.
AUDIT_PORT ?= 8799
AUDIT_PATH ?= /blog/ai-research-with-china/
AUDIT_REPORTS := test-artifacts/lighthouse
LIGHTHOUSE := .audit/node_modules/.bin/lighthouse

# Prints each report's four scores; exits 1 if one is under its target.
define AUDIT_SCORES_JS
const targets = {performance: 95, accessibility: 100, "best-practices": 100, seo: 100};
let ok = true;
for (const file of process.argv.slice(1)) {
  const report = require(require("path").resolve(file));
  const form = report.configSettings.formFactor;
  const scores = Object.values(report.categories).map((category) => {
    const score = Math.round(category.score * 100);
    if (score < targets[category.id] && (category.id !== "performance" || form === "mobile")) ok = false;
    return `$${category.title} $${score}`;
  });
  console.log(`$${form.padEnd(8)} $${scores.join(" · ")}`);
}
if (!ok) {
  console.error("Under target: performance 95 (mobile), accessibility, best practices and SEO 100.");
  process.exit(1);
}
endef
export AUDIT_SCORES_JS

.PHONY: audit

$(LIGHTHOUSE):
	npm install --prefix .audit --no-audit --no-fund --loglevel=error lighthouse@12.2.3

# Audits only this checkout's server. It refuses a taken AUDIT_PORT before anything else (whatever
# listens there would be audited instead), and the first request carries a token of this run that
# must then appear in our server's log, with our server still running.
.PHONY: audit-port-free

audit-port-free:
	@$(PYTHON) -c "import socket, sys; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', int(sys.argv[1])))" $(AUDIT_PORT) 2>/dev/null \
		|| { echo "Port $(AUDIT_PORT) is already in use: stop what listens there, or choose another, e.g. 'make audit AUDIT_PORT=8798'."; exit 1; }

# The demo site's address is the audited one (for `demo`, which this target runs first, too).
audit: SITE_URL = http://127.0.0.1:$(AUDIT_PORT)
audit: audit-port-free demo chromium $(LIGHTHOUSE)
	@mkdir -p $(AUDIT_REPORTS)
	@set -e; url=http://127.0.0.1:$(AUDIT_PORT)$(AUDIT_PATH); log=$(AUDIT_REPORTS)/server.log; \
	token=audit-run-$$($(BIN)/python -c "import secrets; print(secrets.token_hex(8))"); \
	$(BIN)/python manage.py runserver 127.0.0.1:$(AUDIT_PORT) --noreload >$$log 2>&1 & \
	server=$$!; trap 'kill $$server 2>/dev/null || true' EXIT; \
	curl -fs --retry 30 --retry-delay 1 --retry-connrefused -o /dev/null "$$url?$$token" \
		|| { echo "The site did not answer at $$url: see $$log"; exit 1; }; \
	for attempt in 1 2 3 4 5; do grep -q "$$token" $$log && break; sleep 1; done; \
	if ! grep -q "$$token" $$log || ! kill -0 $$server 2>/dev/null; then \
		echo "Another server answered at $$url, not the one this target started: see $$log"; exit 1; \
	fi; \
	for form in mobile desktop; do \
		preset=; if [ $$form = desktop ]; then preset=--preset=desktop; fi; \
		CHROME_PATH=$(CHROMIUM) $(LIGHTHOUSE) $$url $$preset --quiet \
			--chrome-flags="--headless=new --no-sandbox --disable-gpu" \
			--output=json --output=html --output-path=$(AUDIT_REPORTS)/seed-post-$$form; \
	done; \
	node -e "$$AUDIT_SCORES_JS" $(AUDIT_REPORTS)/seed-post-mobile.report.json $(AUDIT_REPORTS)/seed-post-desktop.report.json
