"""The same data on PostgreSQL and MariaDB gives the report SQLite gives (issue 19).

realdata's ten databases, the demo's app.db and a 2,000,000-row table with an ``int4`` key are loaded
into each server with their native types (benchmarks/engines: serial keys, mediumint unsigned, year,
enum, set, binary, xml, decimals, dates, composite keys, foreign keys, tables without a key), once per
session, and dropped afterwards. Each engine's report, with 1 and with 2 workers, must equal the
report of the SQLite originals in what benchmarks/engines/compare.py compares: fields, their entity
types, every violation with its key, rows scanned per source. The one normalisation (listed there):
keys of tables without a primary key are compared as the 0-based row position (SQLite: rowid - 1).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from benchmarks.engines import compare, dataset, large
from benchmarks.engines.ddl import MARIADB, PG
from benchmarks.engines.load import ADMIN, Loaded, drop, new_prefix
from pipeline.engine.run import WORK_DIR, Engine, ScanOptions
from tests.conftest import _server

AS_OF = dt.date(2026, 11, 24)  # the demo's: its planted ages count from it (realdata has none under 16 then)
ENGINES = [pytest.param(PG, marks=pytest.mark.postgres, id="postgresql"),
           pytest.param(MARIADB, marks=pytest.mark.mariadb, id="mariadb")]
WORKERS = [1, 2]
pytestmark = pytest.mark.slow

#: What each worker count scans on a server, to keep CI time reasonable (each engine scans the whole set once):
#: with 2 workers everything, the large table's key ranges side by side; with 1 worker the demo (its planted
#: violations, the keyless settlements table, a view), the employees sample (enum, composite keys), the
#: DW sample (year columns) and a keyless localised Classic Models. One worker reads the large table in the
#: same key ranges as two, one after the other (pipeline/engine/executors.py), so that read is not repeated.
SCANNED = {2: None, 1: {dataset.DEMO_SOURCE, "employees", "adventureworks_dw", "classicmodels_deu"}}

#: Seconds each session step took, printed at the end of the session (what this file adds to CI).
TIMINGS: dict[str, float] = {}


def _keyless(files: dict[str, Path]) -> set[tuple[str, str]]:
    out = set()
    for source, path in files.items():
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                if not any(r[5] for r in con.execute(f'PRAGMA table_info("{table}")')):
                    out.add((source, table))
    return out


def _scan(urls: dict[str, str], out: Path, workers: int) -> Any:
    ex = Engine(dataset.config(urls, AS_OF, out.parent), out / WORK_DIR, ScanOptions(workers=workers))
    report = ex.run()
    ex.clean()
    return report


@pytest.fixture(scope="session")
def originals(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], set[tuple[str, str]]]:
    root = tmp_path_factory.mktemp("engines")
    t0 = time.perf_counter()
    files = dataset.sqlite_files(root)
    TIMINGS["make the SQLite originals (demo, large table)"] = time.perf_counter() - t0
    return files, _keyless(files)


@pytest.fixture(scope="session")
def sqlite_report(originals: tuple[dict[str, Path], set], tmp_path_factory: pytest.TempPathFactory) -> dict:
    files, keyless = originals
    t0 = time.perf_counter()
    report = _scan(dataset.sqlite_urls(files), tmp_path_factory.mktemp("sqlite-report") / "out", 2)
    TIMINGS["scan the SQLite originals (2 workers)"] = time.perf_counter() - t0
    return compare.comparable(report, keyless, sqlite=True)


@pytest.fixture(scope="session", params=ENGINES)
def loaded(request: pytest.FixtureRequest, originals: tuple[dict[str, Path], set]) -> Iterator[list[Loaded]]:
    dialect = request.param
    _server(ADMIN[dialect], "PostgreSQL" if dialect == PG else "MariaDB").dispose()  # skip, or fail under CI
    t0 = time.perf_counter()
    done = dataset.load_all(dialect, new_prefix(), originals[0])
    TIMINGS[f"load into {dialect}"] = time.perf_counter() - t0
    try:
        yield done
    finally:
        for d in done:
            drop(dialect, d.database)


@pytest.fixture(scope="session")
def engine_reports() -> dict[tuple[str, int], dict]:
    return {}


@pytest.fixture(scope="session", autouse=True)
def _print_timings(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if TIMINGS:
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        lines = [f"  {what}: {s:.1f} s" for what, s in TIMINGS.items()]
        lines += [f"  {dialect} key types ({len(keys)}): {'; '.join(sorted(keys))}"
                  for dialect, keys in KEY_TYPES.items()]
        if reporter is not None:
            reporter.write_line("tests/test_engines.py session steps:\n" + "\n".join(lines))


def _engine_report(loaded: list[Loaded], workers: int, originals: tuple, cache: dict, tmp: Path) -> dict:
    dialect = loaded[0].dialect
    if (dialect, workers) not in cache:
        t0 = time.perf_counter()
        wanted = SCANNED[workers]
        report = _scan({d.source: d.url for d in loaded if wanted is None or d.source in wanted}, tmp / "out", workers)
        TIMINGS[f"scan {dialect} ({workers} worker{'s' * (workers > 1)})"] = time.perf_counter() - t0
        cache[dialect, workers] = compare.comparable(report, originals[1], sqlite=False)
    return cache[dialect, workers]


def _only(projection: dict, keep: Any) -> dict:
    return {"sources": [s for s in projection["sources"] if keep(s[0])],
            "fields": {f: t for f, t in projection["fields"].items() if keep(f.split("/", 1)[0])},
            "violations": [v for v in projection["violations"] if keep(v[1])]}


#: Per engine and database, the native declarations that must be on the server (checked in its catalog).
NATIVE = {
    PG: {
        "adventureworks": [("Address", "AddressID", "integer", "nextval"), ("CreditCard", "ExpYear", "smallint", None),
                           ("Employee", "OrganizationNode", "bytea", None), ("JobCandidate", "Resume", "xml", None),
                           ("Address", "rowguid", "uuid", None), ("EmployeePayHistory", "Rate", "numeric", None),
                           ("Employee", "BirthDate", "date", None),
                           ("Employee", "SalariedFlag", "boolean", None),
                           ("Shift", "StartTime", "time without time zone", None),
                           ("Address", "ModifiedDate", "timestamp without time zone", None)],
        "employees": [("employees", "gender", "USER-DEFINED", None), ("employees", "emp_no", "integer", None)],
        large.SOURCE: [(large.TABLE, "id", "integer", None)],
    },
    MARIADB: {
        "adventureworks": [("Address", "AddressID", "mediumint(8) unsigned", "auto_increment"),
                           ("CreditCard", "ExpYear", "year(4)", None),
                           ("Employee", "OrganizationNode", "varbinary(892)", None),
                           ("Employee", "Gender", "enum('M','F')", None),
                           ("SpecialOffer", "Category", "set('No Discount','Reseller','Customer')", None),
                           ("Address", "rowguid", "uuid", None), ("EmployeePayHistory", "Rate", "decimal(19,4)", None),
                           ("Address", "ModifiedDate", "datetime(3)", None)],
        "adventureworks_dw": [("DimReseller", "YearOpened", "year(4)", None)],
        "employees": [("employees", "gender", "enum('M','F')", None)],
        large.SOURCE: [(large.TABLE, "id", "int(11)", None)],
    },
}

#: Per engine, the key types of the loaded tables (printed at the end of the session).
KEY_TYPES: dict[str, set[str]] = {}


def _catalog(dialect: str, url: str) -> tuple[dict[tuple[str, str], tuple[str, str]], dict[str, list[str]], int]:
    """(table, column) -> (type, default or extra); table -> its key columns' types; foreign keys."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if dialect == PG:
                cols = conn.execute(sa.text("SELECT table_name, column_name, data_type, coalesce(column_default, '') "
                                            "FROM information_schema.columns WHERE table_schema = 'public'")).all()
            else:
                cols = conn.execute(sa.text("SELECT table_name, column_name, column_type, extra FROM "
                                            "information_schema.columns WHERE table_schema = database()")).all()
            schema = "'public'" if dialect == PG else "database()"
            keys = conn.execute(sa.text(
                "SELECT k.table_name, k.column_name FROM information_schema.table_constraints c JOIN "
                "information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND "
                f"k.table_name = c.table_name AND k.table_schema = c.table_schema WHERE c.table_schema = {schema} "
                "AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.table_name, k.ordinal_position")).all()
            fks = conn.execute(sa.text("SELECT count(*) FROM information_schema.table_constraints WHERE "
                                       f"table_schema = {schema} AND constraint_type = 'FOREIGN KEY'")).scalar_one()
    finally:
        engine.dispose()
    types = {(t, c): (ty, extra) for t, c, ty, extra in cols}
    by_table: dict[str, list[str]] = {}
    for t, c in keys:
        by_table.setdefault(t, []).append(types[t, c][0])
    return types, by_table, fks


def test_native_types_are_on_the_server(loaded: list[Loaded]) -> None:
    if not any(d.source in dataset.realdata_files() for d in loaded):
        pytest.skip("shared/realdata is not beside the repository: its databases' keys and types are checked there")
    dialect = loaded[0].dialect
    seen_keys: set[str] = set()
    foreign, keyless = 0, []
    for d in loaded:
        types, keys, fks = _catalog(dialect, d.url)
        foreign += fks
        tables = {t for t, _ in types}
        keyless += [f"{d.source}.{t}" for t in tables if t not in keys]
        seen_keys |= {" + ".join(k) for k in keys.values()}
        for table, column, want, extra in NATIVE[dialect].get(d.source, []):
            have = types.get((table, column))
            assert have is not None and have[0] == want, f"{d.source}.{table}.{column}: {have} (want {want})"
            if extra:
                assert extra in have[1], f"{d.source}.{table}.{column}: {have[1]!r} lacks {extra!r}"
    KEY_TYPES[dialect] = seen_keys
    assert foreign >= 30  # the originals' foreign keys that hold in this data
    # classicmodels_LANG: the Access exports have no keys; the demo's settlements table and its view neither
    assert len([k for k in keyless if k.startswith("classicmodels_")]) == 6 * 7
    assert sorted(k for k in keyless if not k.startswith("classicmodels_")) == [
        f"{dataset.DEMO_SOURCE}.gateway_settlements", f"{dataset.DEMO_SOURCE}.v_active_accounts"]
    assert any("+" in k for k in seen_keys)  # composite keys


@pytest.mark.parametrize("workers", WORKERS)
def test_real_databases_and_demo_report_as_on_sqlite(loaded: list[Loaded], workers: int, originals: tuple,
                                                      sqlite_report: dict, engine_reports: dict,
                                                      tmp_path: Path) -> None:
    got = _engine_report(loaded, workers, originals, engine_reports, tmp_path)
    def keep(source: str) -> bool:
        return source != large.SOURCE and (SCANNED[workers] is None or source in SCANNED[workers])

    want, have = _only(sqlite_report, keep), _only(got, keep)
    assert want["violations"], "the demo plants violations: the SQLite report must hold some"
    diff = compare.differences(want, have)
    assert not diff, "\n".join(diff)


def test_large_int4_table_reports_as_on_sqlite(loaded: list[Loaded], originals: tuple, sqlite_report: dict,
                                               engine_reports: dict, tmp_path: Path) -> None:
    workers = 2
    got = _engine_report(loaded, workers, originals, engine_reports, tmp_path)
    def keep(source: str) -> bool:
        return source == large.SOURCE

    want, have = _only(sqlite_report, keep), _only(got, keep)
    # what was planted, found on SQLite: a card in the first page and one in the last
    assert [(v[0], v[3], v[4]) for v in want["violations"]] == [
        ("full_card_number", large.FIELDS[k], str(k)) for k in sorted(large.FIELDS, key=str)]
    assert want["sources"] == [(large.SOURCE, "ok", None, large.ROWS)]
    diff = compare.differences(want, have)
    assert not diff, "\n".join(diff)

