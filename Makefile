# handbook: `make pdf` builds the default handbook, `make test` runs the suite.
# Both create .venv and install the package on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DEFAULT_PDF := build/medical-coding-careers.pdf
SOURCES := handbook.yaml $(wildcard sections/*.yaml) $(wildcard handbook/*.py handbook/*/*.py)

.PHONY: pdf test check clean

pdf: $(DEFAULT_PDF)

$(DEFAULT_PDF): $(INSTALLED) $(SOURCES)
	$(BIN)/handbook build handbook.yaml -o $@

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

test: $(INSTALLED)
	$(BIN)/python -m pytest

check: $(INSTALLED)
	$(BIN)/handbook check handbook.yaml

clean:
	rm -rf build .pytest_cache

# The pictures in README.md, rendered from the real default handbook.
.PHONY: readme-images
readme-images: $(DEFAULT_PDF)
	mkdir -p docs/images
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile $(DEFAULT_PDF) docs/images/cover
	pdftoppm -r 60 -png -f 4 -l 4 -singlefile $(DEFAULT_PDF) docs/images/inner-page
