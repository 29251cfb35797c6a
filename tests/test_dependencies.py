"""Every package pdd imports is declared, every declaration is a range, and every range holds the tested lock."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
OWN = {"pipeline", "classifiers", "dags", "tests", "benchmarks"}


def _declared() -> dict[str, Requirement]:
    reqs = [Requirement(r) for r in PYPROJECT["dependencies"]]
    reqs += [Requirement(r) for extra in PYPROJECT["optional-dependencies"].values() for r in extra]
    return {canonicalize_name(r.name): r for r in reqs}


def _lock() -> dict[str, str]:
    """constraints.txt, and the lock of an extra that has its own environment (constraints-fides.txt: fideslang
    cannot be installed beside pdd's pydantic)."""
    pins = {}
    for lock in [REPO / "constraints.txt", *sorted(set(REPO.glob("constraints-*.txt")))]:  # the main lock first
        for line in lock.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line and "==" in line:
                name, version = line.split("==")
                pins.setdefault(canonicalize_name(name), version.strip())
    return pins


def third_party_imports(source: str) -> set[str]:
    """Top-level modules a file imports that are neither the standard library nor pdd's own packages."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {n.split(".")[0] for n in names}
    return {m for m in found if m not in sys.stdlib_module_names and m not in OWN and m != "__future__"}


@pytest.mark.parametrize(("source", "modules"), [
    ("import os, regex\nfrom yaml import safe_load", {"regex", "yaml"}),
    ("from . import sibling\nfrom pipeline.scan import Scanner", set()),
    ("def f():\n    import hyperscan.compat as h", {"hyperscan"}),   # a lazy import counts too
    ("import importlib\nimportlib.import_module('x')", set()),
    ("from __future__ import annotations\nimport sqlalchemy.orm", {"sqlalchemy"}),
])
def test_third_party_imports(source: str, modules: set[str]) -> None:
    assert third_party_imports(source) == modules


@cache
def _providing() -> frozenset[str]:
    """Distributions that hold importable top-level modules (a metapackage holds none)."""
    return frozenset(canonicalize_name(d) for dists in packages_distributions().values() for d in dists)


def _covers(declared: str) -> set[str]:
    """A declared distribution; for a metapackage (apache-airflow: the `airflow` module is in apache-airflow-core),
    the ones it requires. A real package's own dependencies never count: what pdd imports, it declares."""
    names = {declared}
    if declared in _providing():
        return names
    try:
        names |= {canonicalize_name(Requirement(r).name) for r in requires(declared) or []
                  if "extra ==" not in r}
    except PackageNotFoundError:
        pass
    return names


def test_every_imported_package_is_declared() -> None:
    providers = packages_distributions()
    covered = set().union(*(_covers(d) for d in _declared()))
    missing = {}
    for root in ("pipeline", "classifiers", "dags"):
        for path in sorted((REPO / root).rglob("*.py")):
            for module in third_party_imports(path.read_text(encoding="utf-8")):
                # a module of an extra that lives in its own environment (fides) is not installed here: its name
                dists = {canonicalize_name(d) for d in providers.get(module, [])} or {canonicalize_name(module)}
                if not dists & covered:
                    missing.setdefault(module, []).append(str(path.relative_to(REPO)))
    assert not missing, f"imported but not declared in pyproject.toml (add a range, pin it in constraints.txt): " \
                        f"{missing}"


@pytest.mark.parametrize("name", sorted(_declared()))
def test_declared_as_a_range_that_holds_the_lock(name: str) -> None:
    req = _declared()[name]
    ops = {s.operator for s in req.specifier}
    assert "==" not in ops and "===" not in ops, f"{req}: a pin; declare a range (constraints.txt is the lock)"
    assert ">=" in ops, f"{req}: no lower bound (the version pdd is tested with)"
    pins = _lock()
    assert name in pins, f"{name} is declared but not locked in constraints.txt"
    assert req.specifier.contains(pins[name], prereleases=True), f"{req} does not hold the lock {name}=={pins[name]}"


def test_python_range_is_the_documented_one() -> None:
    readme = (REPO / "README.md").read_text()
    assert PYPROJECT["requires-python"] == ">=3.11,<3.13"
    assert re.search(r"Python 3\.11 and 3\.12", readme)
    assert "Airflow 3.3" in readme
