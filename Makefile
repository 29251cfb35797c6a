# The two commands a newcomer needs (see README): `make demo` and `make test`.
# Both create .venv and install pinned dependencies themselves; reruns reuse it.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
EXTRAS ?= test,fast

.PHONY: demo test install clean-demo

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing pdd and its pinned dependencies into $(VENV) (first run only)..."
	@$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[$(EXTRAS)]"
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

# Generate the bundled demo (SQLite, logs, exports with planted violations) and scan it.
# pdd exits 1 when it finds violations, which the demo plants on purpose.
demo: $(STAMP)
	@$(VENV)/bin/pdd demo --out demo/data
	@$(VENV)/bin/pdd scan demo/pdd.yaml --out pdd-report; code=$$?; \
	  echo "pdd scan exited $$code (0 clean, 1 violations found - the demo plants some, 2 a source failed)"; \
	  test $$code -le 1

test: $(STAMP)
	@$(PY) -m pytest $(PYTEST_ARGS)

clean-demo:
	rm -rf demo/data pdd-report
