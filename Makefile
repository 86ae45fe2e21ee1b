# The two commands a newcomer needs: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONPATH := $(CURDIR)

# The virtual environment is rebuilt when the requirements change; the model is retrained only
# when the training data, the domain or the config change (its file name carries their hash).
REQ_HASH := $(shell cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-12)
REQ_STAMP := $(VENV)/.installed-$(REQ_HASH)
FINGERPRINT := $(shell cat config.yml domain.yml $$(find data -type f -name '*.yml' | LC_ALL=C sort) | sha256sum | cut -c1-12)
MODEL := models/gpmi-$(FINGERPRINT).tar.gz

.PHONY: help install train run test unit validate test-stories e2e nlu-eval langid-eval browser-deps lint clean bench profile loadtest soak

help:
	@echo "make run    install what is missing, train if the data changed, serve http://127.0.0.1:$${BOT_PORT:-8000}"
	@echo "make test   the whole test suite (unit, data validation, story tests, end-to-end, browser)"
	@echo "make nlu-eval / langid-eval   accuracy of intent recognition and language detection"
	@echo "make bench  throughput and latency of this assistant next to a stock Rasa bot"
	@echo "make profile where the Rasa process spends its time under that load (py-spy)"
	@echo "make loadtest / soak   20 users for 60 s / 10 min through /api/chat; fails on any error"

install: $(REQ_STAMP)

$(REQ_STAMP): requirements.txt requirements-dev.txt
	@PY310=$$(tools/find-python310.sh) || exit 1; \
	if [ ! -x $(PY) ]; then echo "==> Creating $(VENV) with $$PY310"; $$PY310 -m venv $(VENV) || exit 1; fi
	@echo "==> Installing Python packages into $(VENV) (the first time takes a few minutes)"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --disable-pip-version-check --progress-bar off -r requirements.txt -r requirements-dev.txt 2>&1 \
	  | grep -E '^(Collecting|Successfully installed|ERROR)' | sed 's/^/    /' ; test $${PIPESTATUS[0]} -eq 0
	@rm -f $(VENV)/.installed-* && touch $@

train: $(MODEL)

$(MODEL): | $(REQ_STAMP)
	@echo "==> Training the model (data, domain or config changed since the last model)"
	@mkdir -p models
	$(RASA) train --skip-validation --data data --domain domain.yml --config config.yml --out models --fixed-model-name gpmi-$(FINGERPRINT)
	@ls -t models/gpmi-*.tar.gz | tail -n +4 | xargs -r rm -f

run: $(REQ_STAMP) $(MODEL)
	@$(PY) -m tools.stack $(MODEL)

lint: $(REQ_STAMP)
	$(VENV)/bin/ruff check bot actions components lexicon prep rasa_nlg rasa_runtime tools tests
	$(VENV)/bin/ruff format --check bot actions components lexicon prep rasa_nlg rasa_runtime tools tests

unit: $(REQ_STAMP)
	$(PY) -m pytest -q tests --ignore=tests/e2e

validate: $(REQ_STAMP)
	$(PY) -m tools.validate

test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out results/stories

AXE_VERSION := 4.10.2
AXE := var/axe/axe-$(AXE_VERSION).min.js

browser-deps: $(AXE)
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "==> Installing Debian's chromium and chromium-driver for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "warning: could not install chromium; the browser test will be skipped"; \
	fi

# axe-core (accessibility rules) from the npm registry, kept in var/ and injected by the browser tests.
$(AXE):
	@echo "==> Fetching axe-core $(AXE_VERSION) from the npm registry"
	@mkdir -p var/axe && cd var/axe && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
	  && tar -xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js && mv package/axe.min.js axe-$(AXE_VERSION).min.js \
	  && rm -rf package axe-core-$(AXE_VERSION).tgz || echo "warning: could not fetch axe-core; the accessibility test will fail"

e2e: $(MODEL) browser-deps
	MODEL=$(MODEL) AXE_JS=$(AXE) $(PY) -m pytest -q tests/e2e

test: lint unit validate test-stories e2e
	@echo "==> All tests passed"

nlu-eval: $(MODEL)
	$(PY) -m tools.nlu_eval $(MODEL)

langid-eval: $(REQ_STAMP)
	$(PY) -m tools.langid_eval

clean:
	rm -rf models results var/logs

bench: $(MODEL)
	$(PY) -m tools.bench $(MODEL) --train

profile: $(MODEL)
	$(PY) -m tools.profile $(MODEL)

loadtest: $(MODEL)
	$(PY) -m tools.bench $(MODEL) --load-only --users 20 --seconds 60

soak: $(MODEL)
	$(PY) -m tools.bench $(MODEL) --load-only --users 20 --seconds 600
