# Two commands do all set-up on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := examples/cong-van-4172-UBND-VHTT.yaml

.PHONY: demo test templates generated examples clean docs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	@mkdir -p out
	$(BIN)/congvan render $(SEED) -o out/cong-van-4172-UBND-VHTT.docx
	@echo "wrote out/cong-van-4172-UBND-VHTT.docx"

# Two workers (pytest-xdist); the LibreOffice tests share one (tests/conftest.py).
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 --dist loadgroup

# Rebuild templates/*.docx from the layout code (src/congvan/render/layout.py).
templates: $(VENV)/.installed
	$(BIN)/python scripts/build_templates.py

# Rebuild the generated documentation: the JSON Schema and docs/input.md's field tables.
generated: templates
	$(BIN)/python scripts/build_docs.py

# The documentation site (mkdocs.yml) into site/; --strict: any warning, a broken link included, fails.
docs: $(VENV)/.installed-test
	$(BIN)/mkdocs build --strict --site-dir site

clean:
	rm -rf $(VENV) out site .pytest_cache .hypothesis
