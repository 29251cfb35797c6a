"""The import graph of pdd's own code: no circle, and no module reaching into another's private names.

Why: a circle (scan builds the person index, the index imports the scanner) hides which part depends on
which, and forces imports into function bodies to break it; a ``_private`` name imported from elsewhere is a
dependency its owner does not know it has. Both are read from the source with stdlib ``ast``, so the test
needs no import of the code (Airflow, spaCy) and sees every module, imported or not.

How imports count:

- every ``import``/``from ... import`` statement counts, wherever it is: at module level, inside ``if
  TYPE_CHECKING:``, and inside a function body. A function-level import only defers the circle to the
  first call, and a typing-only import still says "this module needs that one" to a reader; moving an
  import into a function is therefore no way to pass this test;
- ``from package import name`` is an edge to ``package.name`` when that is a module, else to ``package``
  (its ``__init__``); an edge to a module also reaches its enclosing packages, except the importer's own
  (Python runs a package's ``__init__`` before any of its modules, but a module inside a package is
  imported while that package is already being set up);
- a private name is one that starts with ``_`` (not a dunder); importing it is allowed only from the
  same package (a package's ``_helpers`` module is shared by its siblings), never from another package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "classifiers", "dags", "demo")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


MODULES = _modules()


def _package_of(module: str) -> str:
    """The package a module belongs to (a package's ``__init__`` belongs to itself)."""
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _imports(module: str) -> Iterator[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every import statement of ``module``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"), str(MODULES[module]))
    package = _package_of(module)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "__future__":
                continue
            for alias in node.names:
                yield target, alias.name, node.lineno


def _edges(module: str) -> set[str]:
    own = set()
    parts = module.split(".")
    for i in range(1, len(parts) + 1):
        own.add(".".join(parts[:i]))
    out: set[str] = set()
    for target, name, _ in _imports(module):
        full = f"{target}.{name}" if name and f"{target}.{name}" in MODULES else target
        if full not in MODULES:
            continue
        pieces = full.split(".")
        for i in range(1, len(pieces) + 1):
            step = ".".join(pieces[:i])
            if step in MODULES and (step == full or step not in own) and step != module:
                out.add(step)
    return out


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_every_package() -> None:
    assert {m.split(".")[0] for m in MODULES} == set(PACKAGES)
    assert "pipeline.config.model" in MODULES and "dags.pdd_scan" in MODULES


def test_no_import_circle() -> None:
    graph = {m: _edges(m) for m in MODULES}
    assert _cycles(graph) == []


def test_no_private_name_from_another_package() -> None:
    bad = []
    for module in MODULES:
        mine = _package_of(module)
        for target, name, line in _imports(module):
            full = f"{target}.{name}" if name and f"{target}.{name}" in MODULES else target
            if full not in MODULES:
                continue
            owner = _package_of(full)
            names = [p for p in full.split(".") if _private(p)] + ([name] if name and _private(name) else [])
            if names and owner != mine:
                bad.append(f"{module}:{line} imports {', '.join(names)} from {full}")
    assert bad == []


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),  # a near miss: a chain, not a circle
    ({"a": set(), "b": {"a"}}, []),
])
def test_cycle_finder(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert _cycles(graph) == expected
