# The two commands a newcomer needs (see README): `make demo` and `make test`.
# Both create .venv and install pinned dependencies themselves; reruns reuse it.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HASH   := $(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
# `make demo` needs the scanner only; `make test` also the Airflow and Great Expectations extras.
DEMO_EXTRAS := fast
TEST_EXTRAS := fast,test,airflow,contracts,bench,datahub

.PHONY: demo demo-next test install clean-demo fides-venv airflow-versions

# One stamp per set of extras and state of the pins: a rerun installs nothing, a pin change reinstalls.
$(VENV)/.installed-%-$(HASH): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing pdd[$(subst _,$(comma),$*)] and its pinned dependencies into $(VENV)..."
	@$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[$(subst _,$(comma),$*)]"
	@touch $@

comma := ,
DEMO_STAMP := $(VENV)/.installed-$(subst $(comma),_,$(DEMO_EXTRAS))-$(HASH)
TEST_STAMP := $(VENV)/.installed-$(subst $(comma),_,$(TEST_EXTRAS))-$(HASH)

install: $(TEST_STAMP)

# Generate the bundled demo (SQLite, logs, exports with planted violations) and scan it. The generator (demo/)
# is not part of the installed pdd: it runs from this folder, which make's working directory is.
# pdd exits 1 when it finds violations, which the demo plants on purpose.
demo: $(DEMO_STAMP)
	@$(PY) -m demo --out demo/data
	@$(VENV)/bin/pdd scan demo/pdd.yaml --out pdd-report; code=$$?; \
	  echo "pdd scan exited $$code (0 clean, 1 violations found - the demo plants some, 2 a source failed)"; \
	  test $$code -le 1

# The demo's "next week" (after `make demo`): a copy of its data with a new e-mail column and one card removed,
# scanned into the same pdd-report/ and history; `pdd diff` then prints both changes (exit 1: something changed).
demo-next: $(DEMO_STAMP)
	@$(PY) -m demo.evolve demo/data demo/next
	@$(VENV)/bin/pdd scan demo/next/pdd.yaml --out pdd-report --quiet; test $$? -le 1
	@$(VENV)/bin/pdd diff; test $$? -le 1

# fideslang cannot share the lock (it pins pydantic<2.13): `pdd export fides` runs in its own environment,
# `python -m pipeline.cli.export fides REPORT --out FILE` with PYTHONPATH at this folder.
FIDES_VENV := .venv-fides
fides-venv: $(FIDES_VENV)/.installed-$(HASH)
$(FIDES_VENV)/.installed-$(HASH): constraints-fides.txt
	@test -x $(FIDES_VENV)/bin/python || $(PYTHON) -m venv $(FIDES_VENV)
	@$(FIDES_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r constraints-fides.txt
	@touch $@

# The suite on every core (pytest-xdist): a file's tests stay on one worker, in order, and the files holding slow
# tests (Airflow, install.sh) start first (tests/conftest.py). PYTEST_ARGS adds options, e.g. a test path.
test: $(TEST_STAMP) $(FIDES_VENV)/.installed-$(HASH)
	@$(PY) -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

# pdd from the registry (no constraints.txt) next to the oldest and the newest supported Airflow, each in a
# fresh venv, with the DAG tests run in each: several minutes, so not part of `make test`.
airflow-versions:
	scripts/airflow-versions.sh /tmp/pdd-af-oldest $$(sed -nE 's/.*"apache-airflow>=([0-9.]+),.*/\1/p' pyproject.toml)
	scripts/airflow-versions.sh /tmp/pdd-af-newest

clean-demo:
	rm -rf demo/data demo/next pdd-report
