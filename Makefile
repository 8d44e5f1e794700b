# Two commands do all the set-up on a fresh clone: `make audit` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: audit test lint types pytest bench peer score golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

audit: $(STAMP)
	$(BIN)/discrepancy audit seeds

test: $(STAMP) lint types pytest

lint: $(STAMP)
	$(BIN)/ruff check discrepancy tests benchmarks tools
	$(BIN)/ruff format --check discrepancy tests benchmarks tools

types: $(STAMP)
	$(BIN)/mypy --strict discrepancy tests

pytest: $(STAMP)
	$(BIN)/pytest

peer: $(STAMP)
	$(BIN)/python ../shared/tools/score_peer.py

score: $(STAMP)
	$(BIN)/discrepancy audit seeds --format json > $(VENV)/seeds-report.json
	$(BIN)/python ../shared/tools/score_audit.py seeds ../shared/gold/seeds.json $(VENV)/seeds-report.json

golden: $(STAMP)
	$(BIN)/python tools/regen_golden.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache
