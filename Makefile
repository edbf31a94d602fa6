# Two commands a fresh machine needs: `make run` and `make test`.
# Each creates .venv with the python3 on PATH (3.10 or newer) and installs
# the package into it; nothing else is assumed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: ingest the bundled sample news into facts.db and print the facts found
run: $(STAMP)
	$(BIN)/marketfacts ingest --db facts.db
	$(BIN)/marketfacts facts --db facts.db

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) facts.db facts.db-wal facts.db-shm .pytest_cache
