#!/usr/bin/env bash
# Install pdd (with the `contracts` and `fast` extras) next to an existing Airflow, put pdd's DAGs where that
# Airflow looks for them, and check the result. Used by docker/Dockerfile (on top of apache/airflow) and
# runnable as is outside Docker (CI, a VM).
#
#   [PYTHON=/path/to/python] [PIP=/path/to/pip] docker/install.sh SOURCE_DIR
#
#   PYTHON            interpreter of the target environment (default: python next to $PIP, else on PATH)
#   PIP               pip of the same environment (default: "$PYTHON -m pip")
#   PDD_DAGS_DIR      where the DAGs go (default: Airflow's [core] dags_folder)
#   PDD_REQUIRE_DAGS  1: fail when SOURCE_DIR has no dags/*.py (the image build sets it)
#
# pyproject.toml declares ranges, so a plain pip install resolves next to whatever the environment holds;
# the installed apache-airflow is passed as an exact requirement so pip can never move it (Airflow's image
# docs), and an Airflow outside pdd's supported range makes pip stop with the conflict. `pip check` ends it.
set -euo pipefail

say() { printf 'install.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[[ $# -eq 1 ]] || die "usage: [PYTHON=...] [PIP=...] $0 SOURCE_DIR"
SRC=$(cd "$1" && pwd) || die "source dir $1 not found"
[[ -f $SRC/pyproject.toml ]] || die "$SRC is not the pdd source tree (no pyproject.toml)"

if [[ -z ${PYTHON:-} ]]; then
    if [[ -n ${PIP:-} && $PIP == */* && -x $(dirname "$PIP")/python ]]; then
        PYTHON=$(dirname "$PIP")/python
    else
        PYTHON=$(command -v python || command -v python3) || die "no python on PATH; set PYTHON"
    fi
fi
read -r -a PIP_CMD <<< "${PIP:-$PYTHON -m pip}"

airflow=$("$PYTHON" -c 'from importlib.metadata import version; print(version("apache-airflow"))' 2>/dev/null) \
    || die "apache-airflow is not installed in $PYTHON's environment; it comes from the base image"

# Built from a clean copy, so that nothing (build/, *.egg-info) is written into SOURCE_DIR.
stage=$(mktemp -d "${TMPDIR:-/tmp}/pdd-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT
tar -C "$SRC" -cf - --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist --exclude='*.egg-info' \
    --exclude=__pycache__ --exclude=./demo/data --exclude=./pdd-report --exclude=./docker/config \
    --exclude=./docker/reports --exclude=./docker/.env . | tar -C "$stage" -xf -

say "installing pdd[contracts,fast] next to apache-airflow $airflow"
"${PIP_CMD[@]}" install --disable-pip-version-check --progress-bar off "apache-airflow==$airflow" "$stage[contracts,fast]"
"${PIP_CMD[@]}" check || die "pip check found conflicting requirements (see above)"

PDD_DAGS_DIR=${PDD_DAGS_DIR:-$("$PYTHON" -c 'from airflow.configuration import conf; print(conf.get("core", "dags_folder"))')}
shopt -s nullglob
dag_files=("$SRC"/dags/*.py)
if [[ ${#dag_files[@]} -eq 0 ]]; then
    [[ ${PDD_REQUIRE_DAGS:-0} == 1 ]] && die "no DAG in $SRC/dags (PDD_REQUIRE_DAGS=1)"
    say "warning: no DAG in $SRC/dags; nothing copied to $PDD_DAGS_DIR"
else
    mkdir -p "$PDD_DAGS_DIR"
    cp "${dag_files[@]}" "$PDD_DAGS_DIR"/
    say "DAGs copied to $PDD_DAGS_DIR: $(cd "$SRC/dags" && echo *.py)"
fi

# From / so that the imports find the installed packages, not the source tree.
pdd_bin=$(cd / && "$PYTHON" -c '
from importlib.metadata import distribution
d = distribution("pdd")
print(next(d.locate_file(f).resolve() for f in d.files if f.name == "pdd" and f.parent.name == "bin"))')
(cd / && "$pdd_bin" --version && "$PYTHON" -c 'import pipeline.airflow_provider.operators, classifiers') \
    || die "the installed pdd does not run"
say "ok: $("$pdd_bin" --version) at $pdd_bin, apache-airflow $airflow"
