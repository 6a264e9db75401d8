# ARRS Planner: build, run and test. `make help` lists the targets.
#
# Postgres comes from scripts/pg.sh: a project-local cluster in .pgdata/ on 127.0.0.1
# (port 54329 unless PGPORT_ARRS says otherwise). Bring your own database instead with
# DATABASE_URL (run, db) or TEST_DATABASE_URL (test, bench).
#
# Overrides: PKG=./internal/store/... (default ./...), TESTFLAGS=-v, BENCHFLAGS=-benchtime=2s,
# ADDR=:9000 (default :8080), ARRS_DEV=0 (default 1: plain-HTTP cookies on localhost).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PKG        ?= ./...
TESTFLAGS  ?=
BENCHFLAGS ?=

NHSUK_DIST   := node_modules/nhsuk-frontend/dist/nhsuk
NHSUK_OUT    := web/static/nhsuk
NPM_STAMP    := node_modules/.package-lock.json
ASSETS_STAMP := $(NHSUK_OUT)/.stamp

# The database tests create their own databases from: the local cluster's `postgres`
# database unless TEST_DATABASE_URL is already set. Expanded by the recipe's shell.
TEST_DB := $${TEST_DATABASE_URL:-$$(scripts/pg.sh url postgres)}

.PHONY: help assets build db testdb browser run test check bench bench-scale generate clean db-reset

help: ## list the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-z-]+:.*## / { printf "  %-9s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# --- front end ---------------------------------------------------------------------------

assets: $(ASSETS_STAMP) ## fetch the NHS.UK frontend (npm ci) and copy it into web/static/nhsuk

# npm writes node_modules/.package-lock.json on every install: older than the lock file
# (or missing) means node_modules is stale.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Dot files are left out of go:embed, so the stamp is not served.
$(ASSETS_STAMP): $(NPM_STAMP)
	rm -rf $(NHSUK_OUT)
	mkdir -p $(NHSUK_OUT)
	cp $(NHSUK_DIST)/nhsuk-frontend.min.css $(NHSUK_DIST)/nhsuk-frontend.min.js $(NHSUK_OUT)/
	cp -R $(NHSUK_DIST)/assets $(NHSUK_OUT)/assets
	touch $@

# --- build and run -----------------------------------------------------------------------

build: assets ## build bin/arrs
	go build -o bin/arrs ./cmd/arrs

generate: ## regenerate the Go code of the templ components
	go tool templ generate

db: ## start the local Postgres and create database arrs (nothing if DATABASE_URL is set)
	scripts/pg.sh start
	scripts/pg.sh createdb arrs

run: db build ## migrate, seed the demo data and serve on ADDR (default :8080)
	export DATABASE_URL="$${DATABASE_URL:-$$(scripts/pg.sh url arrs)}"
	export ADDR="$${ADDR:-:8080}"
	export ARRS_DEV="$${ARRS_DEV:-1}"
	bin/arrs migrate up
	bin/arrs seed demo
	exec bin/arrs serve

# --- tests and checks --------------------------------------------------------------------

# Tests use TEST_DATABASE_URL only, so a DATABASE_URL of the user's own does not stop the
# local cluster from starting, and is not passed to the tests.
testdb: ## start the local Postgres for the tests (nothing if TEST_DATABASE_URL is set)
	if [[ -z "$${TEST_DATABASE_URL:-}" ]]; then env -u DATABASE_URL scripts/pg.sh start; fi

# The browser tests drive Debian's chromium (never a browser a test tool downloads).
browser: ## install Debian's chromium for the browser tests when missing
	if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then exit 0; fi
	if [[ $$(id -u) -eq 0 ]]; then
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-liberation
	else
		echo "The browser tests need chromium: sudo apt-get install chromium" >&2
		exit 1
	fi

test: testdb assets browser ## run the Go tests against Postgres, browser tests included (PKG=..., TESTFLAGS=...)
	export TEST_DATABASE_URL="$(TEST_DB)"
	export ARRS_REQUIRE_BROWSER=1
	unset DATABASE_URL
	go test -count=1 -timeout 20m $(TESTFLAGS) $(PKG)

check: assets ## gofmt, go vet, the committed *_templ.go up to date, landed migrations unchanged
	@echo "--- gofmt"
	unformatted=$$(find . \( -path ./node_modules -o -path ./.pgdata -o -path ./.git \) -prune \
		-o -name '*.go' -print0 | xargs -0 -r gofmt -l)
	if [[ -n "$$unformatted" ]]; then
		printf 'gofmt -w needed on:\n%s\n' "$$unformatted"
		exit 1
	fi
	echo "--- go vet"
	go vet ./...
	echo "--- templ generate"
	go tool templ generate
	if ! git diff --exit-code --stat -- '*_templ.go'; then
		echo "generated templ code is out of date: run 'make generate' and commit it"
		exit 1
	fi
	untracked=$$(git ls-files --others --exclude-standard -- '*_templ.go')
	if [[ -n "$$untracked" ]]; then
		printf 'generated templ code not committed:\n%s\n' "$$untracked"
		exit 1
	fi
	echo "--- migrations"
	scripts/check-migrations.sh

bench: db testdb assets ## run the Go benchmarks, 5 times each for benchstat (PKG=..., BENCHFLAGS=...)
	export TEST_DATABASE_URL="$(TEST_DB)"
	unset DATABASE_URL
	go test -run '^$$' -bench . -benchmem -count 5 $(BENCHFLAGS) $(PKG)
	# --- LOAD TEST: the gap page, /, the dashboard and the ICB comparison under 20 clients --
	# bin/arrs on 127.0.0.1 at a free port against database arrs_bench (migrated, demo
	# data); REQUESTS=2000 CLIENTS=20 PATHS="/gaps / /pcns/U60057/dashboard" (as the demo
	# director) ADMIN_PATHS="/icbs/QHM/compare /icbs/QHM" (as the demo admin) override (see
	# scripts/loadtest.sh).
	scripts/loadtest.sh

bench-scale: db build ## the national scale benchmark (issue 17; not in make test): templates of 1 and 60 censuses (built once, minutes), then 20 clients under 0, 2 and 5 writes/s
	export SCALE_ADMIN_URL="$${SCALE_ADMIN_URL:-$$(scripts/pg.sh url postgres)}"
	export SCALE_BIN="$${SCALE_BIN:-bin/arrs}"
	export SCALE_CENSUSES="$${SCALE_CENSUSES:-1 60}" SCALE_WRITES="$${SCALE_WRITES:-0 2 5}" SCALE_SECONDS="$${SCALE_SECONDS:-20}"
	go run ./cmd/benchscale run

# --- cleaning ----------------------------------------------------------------------------

clean: ## remove bin/ and web/static/nhsuk (keeps .pgdata and node_modules)
	rm -rf bin $(NHSUK_OUT)

db-reset: ## stop the local Postgres and delete .pgdata, with all its data
	scripts/pg.sh stop
	rm -rf .pgdata
