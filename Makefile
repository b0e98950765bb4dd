# The two commands of the README: `make run` and `make test`. Both set up first.
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup run test lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml scripts/setup.sh
	bash scripts/setup.sh

run: setup
	bash scripts/demo.sh

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check mailroom tests benchmarks
	$(BIN)/ruff format --check mailroom tests benchmarks
	$(BIN)/mypy mailroom

clean:
	rm -rf $(VENV) var .pytest_cache
