#!/usr/bin/env bash
# Install pdd (with the `contracts` and `fast` extras) next to an existing Airflow, put pdd's
# DAGs where that Airflow looks for them, and verify the result.
#
# Used by docker/Dockerfile (on top of apache/airflow) and runnable as is outside Docker
# (CI, a VM): the same steps, the same pins.
#
#   [PYTHON=/path/to/python] [PIP=/path/to/pip] docker/install.sh SOURCE_DIR
#
# Environment:
#   PYTHON            interpreter of the target environment. Default: the `python` next to
#                     $PIP when PIP is a path, else `python` on PATH (the image's).
#   PIP               pip of the same environment. Default: "$PYTHON -m pip".
#   PDD_DAGS_DIR      where the DAGs go. Default: Airflow's own [core] dags_folder
#                     (AIRFLOW__CORE__DAGS_FOLDER, airflow.cfg, else $AIRFLOW_HOME/dags).
#   PDD_REQUIRE_DAGS  1: fail when SOURCE_DIR has no dags/*.py (the image build sets it).
#
# Airflow must already be installed (the base image provides it) and its version must equal
# the pin in constraints.txt; pip also gets the exact apache-airflow pin in its targets, as
# Airflow's image docs recommend, so it cannot move it. Versions come from constraints.txt,
# except that the base environment is never broken: every installed apache-airflow*
# distribution keeps its version, and so does any installed package that something staying
# installed requires at a version other than constraints.txt's (e.g. the image's celery pins
# python-dateutil exactly). If one of pdd's own pins then cannot be met, pip stops with the
# conflict; at the end `pip check` must pass.
set -euo pipefail

say() { printf 'install.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[[ $# -eq 1 ]] || die "usage: [PYTHON=...] [PIP=...] $0 SOURCE_DIR"
SRC=$(cd "$1" && pwd) || die "source dir $1 not found"
[[ -f $SRC/pyproject.toml && -f $SRC/constraints.txt ]] \
    || die "$SRC is not the pdd source tree (pyproject.toml and constraints.txt expected)"

# --- the target environment ---------------------------------------------------------------
if [[ -z ${PYTHON:-} ]]; then
    if [[ -n ${PIP:-} && $PIP == */* && -x $(dirname "$PIP")/python ]]; then
        PYTHON=$(dirname "$PIP")/python
    else
        PYTHON=$(command -v python || command -v python3) || die "no python on PATH; set PYTHON"
    fi
fi
read -r -a PIP_CMD <<< "${PIP:-$PYTHON -m pip}"
pip_site=$("${PIP_CMD[@]}" --version | sed -E 's/^pip [^ ]+ from (.*)\/pip \(python.*$/\1/')
py_site=$("$PYTHON" -c 'import os, pip; print(os.path.dirname(os.path.dirname(pip.__file__)))')
[[ $pip_site == "$py_site" ]] || die "PIP ($pip_site) and PYTHON ($py_site) are different environments"
say "target: $PYTHON (site-packages $py_site)"

dist_version() {  # prints the installed version of a distribution, nothing if absent
    "$PYTHON" - "$1" <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version
try:
    print(version(sys.argv[1]))
except PackageNotFoundError:
    pass
PY
}

# --- Airflow comes from the base image: check it, pin it ---------------------------------
pinned=$(sed -nE 's/^apache-airflow==([^ ;#]+).*/\1/p' "$SRC/constraints.txt")
[[ -n $pinned ]] || die "constraints.txt has no apache-airflow== pin"
installed=$(dist_version apache-airflow)
[[ -n $installed ]] || die "apache-airflow is not installed in the target environment; it comes from the base image (outside Docker: install apache-airflow==$pinned with -c constraints.txt first)"
[[ $installed == "$pinned" ]] \
    || die "installed apache-airflow $installed differs from constraints.txt's $pinned; use the matching base image (apache/airflow:$pinned-python3.11) or update constraints.txt"

# --- build from a clean copy, so nothing (build/, *.egg-info) is written into SOURCE_DIR ---
stage=$(mktemp -d "${TMPDIR:-/tmp}/pdd-install.XXXXXX")
trap 'rm -rf "$stage" "$stage.constraints"' EXIT
tar -C "$SRC" -cf - \
    --exclude=./.git --exclude=./.venv --exclude='./venv*' --exclude=./build --exclude=./dist \
    --exclude='*.egg-info' --exclude=__pycache__ --exclude=.pytest_cache --exclude=.ruff_cache \
    --exclude=./demo/data --exclude=./pdd-report --exclude=./docker/config --exclude=./docker/reports \
    --exclude=./docker/.env \
    . | tar -C "$stage" -xf -

# The effective constraints: constraints.txt, with the base environment's version for what must
# not move (see the header).
"$PYTHON" - "$SRC/constraints.txt" > "$stage.constraints" <<'PY'
import re
import sys
from importlib.metadata import distributions

try:
    from packaging.requirements import Requirement
except ImportError:  # pip always vendors it
    from pip._vendor.packaging.requirements import Requirement


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
pin = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")
pins = {norm(m[1]): (i, m[1], m[2]) for i, m in ((i, pin.match(ln)) for i, ln in enumerate(lines)) if m}
installed = {}
for d in distributions():
    if d.metadata["Name"]:
        installed.setdefault(norm(d.metadata["Name"]), d)

# Installed distributions that keep their version: not in constraints.txt, pinned at the same
# version, or part of Airflow; then, until nothing changes, whatever those require at a version
# that constraints.txt's pin would not satisfy.
keep = {}
for name, d in installed.items():
    if name.startswith("apache-airflow") and name in pins and pins[name][2] != d.version:
        keep[name] = "the base image's Airflow is not changed"
staying = lambda n: n not in pins or n in keep or pins[n][2] == installed[n].version  # noqa: E731
changed = True
while changed:
    changed = False
    for name, d in installed.items():
        if not staying(name):
            continue
        for spec in d.requires or ():
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            dep = norm(req.name)
            if dep in pins and dep in installed and dep not in keep \
                    and not req.specifier.contains(pins[dep][2], prereleases=True):
                keep[dep] = f"{d.metadata['Name']} {d.version} requires {req}"
                changed = True

for dep, why in sorted(keep.items()):
    i, name, wanted = pins[dep]
    have = installed[dep].version
    lines[i] = f"{name}=={have}"
    print(f"install.sh: keeping {name} {have} of the base environment, not constraints.txt's {wanted} ({why})",
          file=sys.stderr)
print("\n".join(lines))
PY

say "installing pdd[contracts,fast] with -c constraints.txt (apache-airflow stays at $installed)"
"${PIP_CMD[@]}" install --disable-pip-version-check --progress-bar off \
    -c "$stage.constraints" \
    "apache-airflow==$installed" \
    "$stage[contracts,fast]"

after=$(dist_version apache-airflow)
[[ $after == "$installed" ]] || die "pip changed apache-airflow from $installed to $after"
"${PIP_CMD[@]}" check || die "pip check found conflicting requirements (see above)"

# --- DAGs -----------------------------------------------------------------------------------
if [[ -z ${PDD_DAGS_DIR:-} ]]; then
    PDD_DAGS_DIR=$("$PYTHON" -c 'from airflow.configuration import conf; print(conf.get("core", "dags_folder"))')
fi
shopt -s nullglob
dag_files=("$SRC"/dags/*.py)
if [[ ${#dag_files[@]} -eq 0 ]]; then
    [[ ${PDD_REQUIRE_DAGS:-0} == 1 ]] && die "no DAG in $SRC/dags (PDD_REQUIRE_DAGS=1)"
    say "warning: no DAG in $SRC/dags; nothing copied to $PDD_DAGS_DIR"
else
    mkdir -p "$PDD_DAGS_DIR"
    tar -C "$SRC/dags" -cf - --exclude=__pycache__ --exclude='*.pyc' . | tar -C "$PDD_DAGS_DIR" -xf -
    for f in "${dag_files[@]}"; do  # syntax only: parsing needs the deployment's config
        "$PYTHON" -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' \
            "$PDD_DAGS_DIR/$(basename "$f")" || die "DAG $(basename "$f") does not compile"
    done
    say "DAGs copied to $PDD_DAGS_DIR: $(cd "$SRC/dags" && echo *.py)"
fi

# --- verify ---------------------------------------------------------------------------------
pdd_bin=$("$PYTHON" - <<'PY'
from importlib.metadata import distribution
d = distribution("pdd")
for f in d.files or ():
    if f.name == "pdd" and f.parent.name in ("bin", "Scripts"):
        print(d.locate_file(f).resolve())
        break
PY
)
[[ -n $pdd_bin && -x $pdd_bin ]] || die "the pdd console script was not installed"
(cd / && "$pdd_bin" --help >/dev/null) || die "$pdd_bin --help failed"
# From / so that the import finds the installed packages, not the source tree.
(cd / && "$PYTHON" -c '
import sys, pipeline, classifiers
src = sys.argv[1]
for m in (pipeline, classifiers):
    assert not m.__file__.startswith(src + "/"), f"{m.__name__} imported from the source tree"
' "$SRC") || die "import pipeline, classifiers failed"
command -v pdd >/dev/null || say "note: $(dirname "$pdd_bin") is not on PATH"
say "ok: pdd $(dist_version pdd) at $pdd_bin, apache-airflow $installed"
