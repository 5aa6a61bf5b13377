# handbook: `make pdf` builds the default handbook, `make test` runs the suite.
# Both create .venv and install the package on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The tool, and what must exist before it runs; override both to use another install:
#   make schools HANDBOOK="python -m handbook" TOOL=
HANDBOOK ?= $(BIN)/handbook
TOOL ?= $(INSTALLED)
DEFAULT_PDF := build/medical-coding-careers.pdf
CODE := $(wildcard handbook/*.py handbook/*/*.py)

.PHONY: pdf test check clean schools schema watch catalogs

pdf: $(DEFAULT_PDF)

$(DEFAULT_PDF): $(TOOL) $(CODE)
	$(HANDBOOK) build handbook.yaml -o $@ --depfile build/medical-coding-careers.d

# Build the default handbook, then again each time one of its files is saved (Ctrl-C stops).
watch: $(TOOL)
	$(HANDBOOK) watch handbook.yaml -o $(DEFAULT_PDF)

# School editions: one PDF per profile in schools/, and one per other language it asks for
# (translations:, its own or the base guide's), build/schools/NAME.LANG.pdf. Each edition's
# .d file, written by handbook, names every file it was built from, so only editions whose
# inputs changed are stale; the stale ones are built together by one `handbook batch` run.
PROFILES := $(wildcard schools/*.yaml)
SCHOOL_PDFS := $(patsubst schools/%.yaml,build/schools/%.pdf,$(PROFILES))
STALE := build/schools/.stale

# Which translated editions there are, as `handbook batch --list` names them: remade (and
# make started again) when a profile or the guide changes, or a profile is added or removed.
TRANSLATIONS_MK := build/schools/translations.mk
ifneq ($(filter schools proofs proof-sheets build/schools/%,$(MAKECMDGOALS)),)
-include $(TRANSLATIONS_MK)
endif
TRANSLATED_PDFS := $(filter-out $(SCHOOL_PDFS),$(SCHOOL_EDITIONS))
PROFILES_CHANGED := $(filter-out $(PROFILES),$(LISTED_PROFILES))$(filter-out $(LISTED_PROFILES),$(PROFILES))

$(TRANSLATIONS_MK): $(PROFILES) handbook.yaml $(TOOL) $(if $(PROFILES_CHANGED),profiles-changed)
	@mkdir -p build/schools
	@$(HANDBOOK) batch --translations --list $(PROFILES) -o build/schools > $@.list
	@{ echo 'LISTED_PROFILES := $(PROFILES)'; printf 'SCHOOL_EDITIONS :='; tr '\n' ' ' < $@.list; echo; } > $@ && rm -f $@.list

.PHONY: profiles-changed
profiles-changed:

schools: $(SCHOOL_PDFS) $(TRANSLATED_PDFS)
	@if [ -s $(STALE) ]; then \
	  set -- $$(sort -u $(STALE)); rm -f $(STALE); \
	  $(HANDBOOK) batch "$$@" -o build/schools --depfiles; \
	fi

build/schools/%.pdf: schools/%.yaml $(TOOL) $(CODE)
	@mkdir -p build/schools
	@echo $< >> $(STALE)

# build/schools/riverside.es.pdf is schools/riverside.yaml in es.
$(TRANSLATED_PDFS): $(TOOL) $(CODE)
	@mkdir -p build/schools
	@echo "--edition schools/$(basename $(notdir $(basename $@))).yaml $(subst .,,$(suffix $(basename $@)))" >> $(STALE)

# A PDF without its .d file was not made here (or by an older handbook): nothing says
# what it was built from, so it is rebuilt.
UNTRACKED := $(filter-out $(patsubst %.d,%.pdf,$(wildcard build/*.d build/schools/*.d)),$(DEFAULT_PDF) $(SCHOOL_PDFS) $(TRANSLATED_PDFS))
.PHONY: untracked
$(UNTRACKED): untracked
untracked:

-include build/medical-coding-careers.d $(wildcard build/schools/*.d)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# The whole suite, after ruff's lint and format checks (`make format` rewrites the code as ruff wants it).
test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

# The suite without the slow end-to-end tests (marked slow: new processes, make runs, property tests).
.PHONY: test-quick
test-quick: $(INSTALLED)
	$(BIN)/python -m pytest -m "not slow"

.PHONY: format
format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(TOOL)
	$(HANDBOOK) check handbook.yaml

clean:
	rm -rf build .pytest_cache

# Proof sheets for signing off: a contact sheet of the default handbook and of every school
# edition, in colour and in greys (as a photocopier prints), in build/proofs/. Like the
# editions, only the sheets whose PDF changed are made again, all by one `handbook proof` run.
PROOF_SOURCES := $(DEFAULT_PDF) $(SCHOOL_PDFS) $(TRANSLATED_PDFS)
PROOF_SHEETS := $(foreach pdf,$(PROOF_SOURCES),$(patsubst %.pdf,build/proofs/%-sheet.png,$(notdir $(pdf))) \
  $(patsubst %.pdf,build/proofs/%-gray-sheet.png,$(notdir $(pdf))))
PROOF_STALE := build/proofs/.stale

.PHONY: proofs proof-sheets
proofs: pdf schools
	@$(MAKE) --no-print-directory proof-sheets

proof-sheets: $(PROOF_SHEETS)
	@if [ -s $(PROOF_STALE) ]; then \
	  set -- $$(sort -u $(PROOF_STALE)); rm -f $(PROOF_STALE); \
	  $(HANDBOOK) proof --sheet-only -o build/proofs "$$@" && $(HANDBOOK) proof --sheet-only --gray -o build/proofs "$$@"; \
	fi

build/proofs/%-gray-sheet.png: build/%.pdf $(TOOL)
	@mkdir -p build/proofs
	@echo $< >> $(PROOF_STALE)
build/proofs/%-sheet.png: build/%.pdf $(TOOL)
	@mkdir -p build/proofs
	@echo $< >> $(PROOF_STALE)
build/proofs/%-gray-sheet.png: build/schools/%.pdf $(TOOL)
	@mkdir -p build/proofs
	@echo $< >> $(PROOF_STALE)
build/proofs/%-sheet.png: build/schools/%.pdf $(TOOL)
	@mkdir -p build/proofs
	@echo $< >> $(PROOF_STALE)

# The pictures in README.md, rendered from the real default handbook (and its Spanish edition) by `handbook proof`.
.PHONY: readme-images
readme-images: $(DEFAULT_PDF) $(TOOL)
	$(HANDBOOK) proof --dpi 60 -o build/readme $(DEFAULT_PDF)
	mkdir -p docs/images
	cp build/readme/medical-coding-careers-page-1.png docs/images/cover.png
	cp build/readme/medical-coding-careers-page-5.png docs/images/inner-page.png
	$(HANDBOOK) build --language es-US -o build/readme/medical-coding-careers.es.pdf
	$(HANDBOOK) proof --dpi 60 -o build/readme build/readme/medical-coding-careers.es.pdf
	cp build/readme/medical-coding-careers.es-page-5.png docs/images/inner-page-es.png

# The JSON Schemas in schema/ and the key tables of docs/format.md, generated from the block
# kinds (handbook/blocks/) and the setting declarations (handbook/settings.py); a test fails
# when they are out of date.
schema: $(TOOL)
	$(BIN)/python -m handbook.schema

# The tool's own words: handbook/locale/handbook.pot from every _() in the code, and each
# language's handbook.po brought up to date with it (new strings to translate, old ones gone).
catalogs: $(TOOL)
	$(BIN)/python -m handbook.catalogs

# The benchmark: every figure beside the floor (bench/floor.py), measured in the same run.
# Prints a table and writes bench/results.json. Not part of `make test`.
.PHONY: bench
# The package's bytecode is compiled first, as a regular (not editable) install does at
# install time; otherwise a run with PYTHONDONTWRITEBYTECODE set compiles it on every start.
bench: $(TOOL)
	$(BIN)/python -m compileall -q handbook
	$(BIN)/python bench/run.py
