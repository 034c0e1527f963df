# Paritrana Award platform. `make start` runs everything; `make test` runs every suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help
# npm scripts and these recipes run on the project's own Node.js 24 (npm package `node`).
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: help install build start test test-unit test-integration lint typecheck kafka-fetch keycloak-fetch browser bench fault clean

help:
	@echo "make start   run the whole platform (Kafka, Postgres, Keycloak, mail catcher, four services) in the foreground"
	@echo "make test    typecheck, lint and run the unit, integration and end-to-end suites against real infrastructure"
	@echo "make bench   measure the platform end to end against raw Kafka and Postgres (BENCH_SCALE=national for the employer pool, small for a quick check)"
	@echo "make fault   kill and restart every service, the broker and the database under load; verify nothing lost or doubled"
	@echo "             FAULT_BROKERS=3 FAULT_REPLICAS=2 make fault: the same on a 3-broker cluster with 2 processes per service (leader, controller, rolling restart)"

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js (any version >= 20) and npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: node_modules/.installed

build: install
	npm run -s build

kafka-fetch:
	bash deploy/kafka/kafka.sh fetch

# Keycloak (sign-in) from Maven Central, built once; `make start` runs it unless OIDC_ISSUER_URL is set.
keycloak-fetch:
	$(if $(OIDC_ISSUER_URL),@echo "OIDC_ISSUER_URL is set: no local Keycloak needed",bash deploy/keycloak/keycloak.sh fetch)

# Chromium for the browser suite, from Debian's packages (as root), unless CHROMIUM_PATH names one.
CHROMIUM_PATH ?= /usr/bin/chromium
browser:
	@test -x "$(CHROMIUM_PATH)" || { \
	  [ "$$(id -u)" = 0 ] || { echo "Chromium is missing at $(CHROMIUM_PATH): install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM_PATH"; exit 1; }; \
	  echo "Installing Chromium from Debian's packages (once)…"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || { echo "apt-get could not install chromium; install it, or set CHROMIUM_PATH"; exit 1; }; }

start: build kafka-fetch keycloak-fetch
	node dist/tools/dev/start.js

typecheck: install
	npm run -s typecheck

lint: install
	npm run -s lint

test-unit: install
	npm run -s test:unit

test-integration: build kafka-fetch keycloak-fetch browser
	# One Kafka broker and database per Jest worker; given ones are shared, so the suites then run one at a time.
	CHROMIUM_PATH=$(CHROMIUM_PATH) npm run -s test:integration -- $(if $(KAFKA_BROKERS)$(DATABASE_URL),--runInBand,--maxWorkers=2)

test: typecheck lint test-unit test-integration

bench: build kafka-fetch
	node --max-old-space-size=4096 --disable-warning=TimeoutNegativeWarning dist/tools/bench/bench.js

fault: build kafka-fetch
	node --disable-warning=TimeoutNegativeWarning dist/tools/fault/fault.js

clean:
	rm -rf dist node_modules/.installed
