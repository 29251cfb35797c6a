"""Registry, recognizer files, tests and docs/entities.md agree (docs/entities.md says how to add a type).

- every entity type has a row in docs/entities.md, and each row names exactly
  the registered recognizer files that emit its type;
- every registry entry lives in its own module under recognizers/generic/ or
  recognizers/country/<country>/, emits only known types, is registered once
  and has a unique name;
- every recognizer module is registered, holds one recognizer, and has a test
  file at the mirrored path that imports that recognizer;
- every pattern strength is a named strength (recognizers/strength.py);
- CONTRADICTING_TYPES have recognizers and are the ones docs/entities.md lists;
- the word lists the recognizers read ship as package data.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

import classifiers.recognizers as recognizers_pkg
from classifiers.entities import ENTITY_TYPES
from classifiers.recognizers.base import ValueRecognizer
from classifiers.recognizers.strength import BANDS
from classifiers.registry import CONTRADICTING_TYPES, RECOGNIZERS

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "classifiers" / "recognizers"
DOCS = ROOT / "docs" / "entities.md"
TESTS = ROOT / "tests" / "classifiers" / "recognizers"
SCOPES = ("generic", "country")


def _recognizer_modules() -> list[str]:
    """Dotted names of the modules under recognizers/generic and recognizers/country (not packages)."""
    out = []
    for info in pkgutil.walk_packages(recognizers_pkg.__path__, recognizers_pkg.__name__ + "."):
        rel = info.name.split(".")[2:]
        if not info.ispkg and rel[0] in SCOPES:
            out.append(info.name)
    return sorted(out)


def _rel_file(cls: type) -> str:
    """``generic/person_name.py`` for a recognizer class."""
    return Path(inspect.getsourcefile(cls)).resolve().relative_to(PACKAGE).as_posix()


def _doc_rows() -> dict[str, set[str]]:
    """entity type -> recognizer files named in its docs/entities.md row."""
    rows: dict[str, set[str]] = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0] in ENTITY_TYPES:
            assert cells[0] not in rows, f"{cells[0]} has two rows in {DOCS.name}"
            rows[cells[0]] = set(re.findall(r"`((?:generic|country)/[\w/]+\.py)`", cells[1]))
    return rows


def test_every_entity_type_has_a_docs_row() -> None:
    assert sorted(set(ENTITY_TYPES) - set(_doc_rows())) == []


def test_docs_rows_name_exactly_the_registered_files_per_type() -> None:
    registered: dict[str, set[str]] = {t: set() for t in ENTITY_TYPES}
    for cls in RECOGNIZERS:
        for entity in cls().supported_entities:
            registered[entity].add(_rel_file(cls))
    assert _doc_rows() == registered


@pytest.mark.parametrize("cls", RECOGNIZERS, ids=lambda c: c.__name__)
def test_registry_entry_lives_in_a_scoped_file_and_emits_known_types(cls: type[EntityRecognizer]) -> None:
    rel = _rel_file(cls)
    assert (PACKAGE / rel).is_file()
    assert rel.split("/")[0] in SCOPES
    if rel.startswith("country/"):
        assert len(rel.split("/")) == 3, f"{rel}: country recognizers live in country/<country>/"
    rec = cls()
    assert rec.supported_entities and set(rec.supported_entities) <= set(ENTITY_TYPES)


def test_contradicting_types_have_recognizers_and_are_documented() -> None:
    registered = {e for cls in RECOGNIZERS for e in cls().supported_entities}
    assert CONTRADICTING_TYPES <= registered
    docs = DOCS.read_text(encoding="utf-8")
    listed = re.search(r"`classifiers\.registry\.CONTRADICTING_TYPES` lists the first\s+kind:([^.]*)\.", docs)
    assert listed, "docs/entities.md must list CONTRADICTING_TYPES"
    assert set(re.findall(r"[A-Z_]{2,}", listed.group(1))) == CONTRADICTING_TYPES


def test_no_recognizer_is_registered_twice() -> None:
    assert len(set(RECOGNIZERS)) == len(RECOGNIZERS)
    names = [cls().name for cls in RECOGNIZERS]
    assert len(set(names)) == len(names), names
    files = [_rel_file(cls) for cls in RECOGNIZERS]
    assert len(set(files)) == len(files), "one recognizer per file"


@pytest.mark.parametrize("module", _recognizer_modules())
def test_recognizer_module_is_registered_and_tested(module: str) -> None:
    mod = importlib.import_module(module)
    defined = [obj for obj in vars(mod).values()
               if inspect.isclass(obj) and issubclass(obj, EntityRecognizer) and obj.__module__ == module]
    assert len(defined) == 1, f"{module} must define exactly one recognizer, found {defined}"
    cls = defined[0]
    assert cls in RECOGNIZERS, f"{cls.__name__} is not in classifiers/registry.py"
    parts = module.split(".")[2:]
    test_file = TESTS.joinpath(*parts[:-1], f"test_{parts[-1]}.py")
    assert test_file.is_file(), f"missing {test_file.relative_to(ROOT)}"
    assert re.search(rf"from {re.escape(module)} import [^\n]*\b{cls.__name__}\b",
                     test_file.read_text(encoding="utf-8")), f"{test_file.name} does not test {cls.__name__}"


@pytest.mark.parametrize("cls", [c for c in RECOGNIZERS if issubclass(c, ValueRecognizer)], ids=lambda c: c.__name__)
def test_pattern_strengths_are_named(cls: type[ValueRecognizer]) -> None:
    allowed = {0.0, *BANDS.values()}
    for p in cls.PATTERNS:
        for value in (p.score, p.validated, p.with_context):
            assert value is None or value in allowed, f"{cls.__name__}.{p.name}: {value} is not a named strength"
        if p.check:
            assert callable(getattr(cls, p.check, None)), f"{cls.__name__}.{p.name}: no method {p.check}"


def test_data_files_ship_as_package_data() -> None:
    data = ROOT / "classifiers" / "data"
    assert (data / "__init__.py").is_file(), "classifiers/data must be a package for package-data to include it"
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["*"]
    for f in data.iterdir():
        if f.is_file() and f.suffix != ".py":
            assert any(fnmatch(f.name, g) for g in globs), f"{f.name} matches no package-data glob {globs}"
