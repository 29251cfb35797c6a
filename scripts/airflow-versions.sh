#!/usr/bin/env bash
# Install pdd into a fresh venv next to one Airflow version, straight from the package registry and WITHOUT
# constraints.txt (as a team adding pdd to its own Airflow would), then run the DAG tests there.
#
#   scripts/airflow-versions.sh VENV_DIR [AIRFLOW_VERSION]
#
# AIRFLOW_VERSION: e.g. 3.3.2 (the oldest pdd supports, pyproject's lower bound); empty: the newest that pip
# resolves within pyproject's range. Takes a few minutes per version (the install dominates), so `make test`
# does not run it; `make airflow-versions` runs the oldest and the newest one after the other.
# Needs PostgreSQL on 127.0.0.1:5432 for the scheduled-run tests (as `make test` does).
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 VENV_DIR [AIRFLOW_VERSION]" >&2; exit 2; }
VENV=$1
VERSION=${2:-}
SRC=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}

rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# No -c constraints.txt: the ranges in pyproject.toml alone must resolve next to this Airflow. `contracts`:
# the contracts DAG's tests run Great Expectations; `datahub`: the scan DAG's test runs its export task.
"$VENV/bin/python" -m pip install --quiet -e "$SRC[airflow,contracts,datahub,test]" ${VERSION:+"apache-airflow==$VERSION"}
"$VENV/bin/python" -m pip check
# What the resolver chose, for the record (a broken release shows up here first: celery 5.7.0, pyproject.toml).
"$VENV/bin/python" -c 'import importlib.metadata as m; print(" | ".join(f"{p} {m.version(p)}" for p in (
    "pdd", "apache-airflow", "apache-airflow-providers-celery", "celery", "kombu", "redis")))'
cd "$SRC"
"$VENV/bin/python" -m pytest -p no:cacheprovider -q tests/dags
