"""Every key type on every engine (pipeline/sources/sql_keys.py and the key-range and texts-only reads of
pipeline/sources/sql.py): the same rows, the same violations at the same keys, whatever path read them.

The table of key types below is built on SQLite, PostgreSQL and MariaDB; each table has cards planted at its
first, middle and last key (negative keys, gaps and the extremes of each integer type among them). A plain
read (one part, typed rows) is the reference; key ranges of a few rows each, texts-only pages of four rows and
scans with one and two workers must give the same keys and the same violations.
"""

from __future__ import annotations

import datetime as dt
import decimal
import operator
import random
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from pipeline.config import Config, SqlSourceConfig
from pipeline.engine.run import WORK_DIR, Engine, ScanOptions, scan
from pipeline.sources.base import ReadPlan
from pipeline.sources.sql import SqlDataset, SqlSource
from pipeline.sources.sql_keys import TableKey, Unsplittable, compare, key_text

AS_OF = "2026-11-24"
ROWS = 60


def _card(prefix: str, length: int = 16) -> str:
    body = prefix + "0" * (length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


VISA = _card("411111")  # a public test number, built here so that no test file holds one


# -- the table of key types ----------------------------------------------------------------------------------
def _ints(lo: int, hi: int) -> Callable[[random.Random], list[tuple]]:
    """Both extremes of the type, negatives, zero and gaps of every size."""
    def make(rng: random.Random) -> list[tuple]:
        keys = {k for k in (lo, hi, 0, -1, 1, 2, 7, 8) if lo <= k <= hi}
        while len(keys) < ROWS:
            keys.add(rng.randint(lo, hi) if rng.random() < 0.5 else rng.randint(max(lo, -500), min(hi, 500)))
        return [(k,) for k in sorted(keys)]
    return make


def _decimals(rng: random.Random) -> list[tuple]:
    keys = {decimal.Decimal("-99999999.9999"), decimal.Decimal("99999999.9999"), decimal.Decimal("0.0001"),
            decimal.Decimal("-0.0001"), decimal.Decimal("0.0000"), decimal.Decimal("100.0000")}
    while len(keys) < ROWS:
        keys.add(decimal.Decimal(rng.randint(-10**12 + 1, 10**12 - 1)).scaleb(-4))  # four places, as stored
    return [(k,) for k in sorted(keys)]


def _texts(rng: random.Random) -> list[tuple]:
    """Keys whose order is the same in every collation (a zero-padded prefix decides it), holding the
    characters a joined key list could trip on: a comma, the composite separator, a space, non-ASCII."""
    tails = ["", ",x", "|y", " z", "-Zoë", "a,b|c"]
    return [("",)] + [(f"k{i:03d}{tails[i % len(tails)]}",) for i in range(1, ROWS)]


def _uuids(rng: random.Random) -> list[tuple]:
    return [(u,) for u in sorted(uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(ROWS))]


def _dates(rng: random.Random) -> list[tuple]:
    return [(dt.date(1990, 1, 1) + dt.timedelta(days=3 * i + rng.randint(0, 2)),) for i in range(ROWS)]


def _composite(rng: random.Random) -> list[tuple]:
    """(int, text): several rows per first column, negatives among them."""
    return sorted({(rng.randint(-5, 5), f"p{rng.randint(0, 999):03d}") for _ in range(ROWS * 3)})[:ROWS]


@dataclass(frozen=True)
class KeyType:
    name: str
    #: engine -> the key columns' definitions ("" for a table without a key)
    ddl: dict[str, str]
    keys: Callable[[random.Random], list[tuple]]
    #: no primary key: keyed by rowid (SQLite) or row offset
    keyless: bool = False


KEY_TYPES = [
    KeyType("smallint", {"postgresql": "k SMALLINT", "mariadb": "k SMALLINT"}, _ints(-(2**15), 2**15 - 1)),
    KeyType("integer", {"sqlite": "k INTEGER", "postgresql": "k INTEGER", "mariadb": "k INT"},
            _ints(-(2**31), 2**31 - 1)),
    KeyType("bigint", {"sqlite": "k BIGINT", "postgresql": "k BIGINT", "mariadb": "k BIGINT"},
            _ints(-(2**63), 2**63 - 1)),
    KeyType("bigint unsigned", {"mariadb": "k BIGINT UNSIGNED"}, _ints(0, 2**64 - 1)),
    KeyType("mediumint unsigned", {"mariadb": "k MEDIUMINT UNSIGNED"}, _ints(0, 2**24 - 1)),
    KeyType("serial", {"postgresql": "k SERIAL"}, _ints(-(2**31), 2**31 - 1)),
    KeyType("numeric", {"sqlite": "k DECIMAL(12,4)", "postgresql": "k NUMERIC(12,4)",
                        "mariadb": "k DECIMAL(12,4)"}, _decimals),
    KeyType("text", {"sqlite": "k TEXT", "postgresql": "k TEXT", "mariadb": "k VARCHAR(40)"}, _texts),
    KeyType("varchar", {"postgresql": "k VARCHAR(40)"}, _texts),
    KeyType("char", {"postgresql": "k CHAR(12)", "mariadb": "k CHAR(12)"}, _texts),
    KeyType("uuid", {"postgresql": "k UUID", "mariadb": "k UUID"}, _uuids),
    KeyType("date", {"postgresql": "k DATE", "mariadb": "k DATE"}, _dates),
    KeyType("composite", {"sqlite": "k INTEGER, k2 TEXT", "postgresql": "k INTEGER, k2 TEXT",
                          "mariadb": "k INT, k2 VARCHAR(10)"}, _composite),
    KeyType("none", {"sqlite": "k INTEGER", "postgresql": "k INTEGER", "mariadb": "k INT"},
            _ints(-(2**31), 2**31 - 1), keyless=True),
]
ENGINES = {"sqlite": (), "postgresql": (pytest.mark.postgres,), "mariadb": (pytest.mark.mariadb,)}
CASES = [pytest.param(engine, kt, id=f"{engine}-{kt.name}", marks=ENGINES[engine])
         for engine in ENGINES for kt in KEY_TYPES if engine in kt.ddl]


def _table(kt: KeyType) -> str:
    return "t_" + kt.name.replace(" ", "_")


def _rows(kt: KeyType) -> list[tuple]:
    """The table's rows (key columns..., note): cards at the first, middle and last key."""
    keys = kt.keys(random.Random(kt.name))
    planted = {0, len(keys) // 2, len(keys) - 1}
    return [(*k, f"card {VISA} refund" if i in planted else f"note {i}") for i, k in enumerate(keys)]


def _planted_keys(kt: KeyType, engine: str) -> set[str]:
    rows = _rows(kt)
    planted = [i for i, r in enumerate(rows) if "card" in r[-1]]
    if kt.keyless:  # rowid (1-based) on SQLite, the 0-based offset elsewhere, in insertion order
        return {str(i + 1) if engine == "sqlite" else str(i) for i in planted}
    if kt.name == "char" and engine == "postgresql":  # PostgreSQL hands CHAR values on padded
        return {rows[i][0].ljust(12) for i in planted}
    return {"|".join(key_text(v) for v in rows[i][:-1]) for i in planted}


def _url(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if engine == "sqlite":
        return f"sqlite:///{tmp_path / 'keys.db'}"
    return request.getfixturevalue("pg_database" if engine == "postgresql" else "mariadb_database")


def _stored(v: object, engine: str) -> object:
    """A key value as the test binds it: SQLite takes a Decimal as text (its NUMERIC affinity converts it),
    MariaDB and SQLite a UUID as text."""
    if isinstance(v, decimal.Decimal) and engine == "sqlite" or isinstance(v, uuid.UUID) and engine != "postgresql":
        return str(v)
    return v


def _load(url: str, engine: str, kts: list[KeyType]) -> None:
    eng = sa.create_engine(url, hide_parameters=True)  # a failing insert must not print a card
    with eng.begin() as conn:
        for kt in kts:
            cols = kt.ddl[engine]
            names = [c.split()[0] for c in cols.split(", ")]
            pk = "" if kt.keyless else f", PRIMARY KEY ({', '.join(names)})"
            conn.execute(sa.text(f"CREATE TABLE {_table(kt)} ({cols}, note TEXT{pk})"))
            params = [f":p{i}" for i in range(len(names) + 1)]
            conn.execute(sa.text(f"INSERT INTO {_table(kt)} ({', '.join(names)}, note) VALUES ({', '.join(params)})"),
                         [{f"p{i}": _stored(v, engine) for i, v in enumerate(r)} for r in _rows(kt)])
    eng.dispose()


def _source(url: str, tmp_path: Path) -> tuple[Config, SqlSource]:
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=url)], base_dir=tmp_path)
    return cfg, SqlSource(cfg.sources[0], cfg)


# -- every key type, every engine: key ranges and texts-only pages read every row once ---------------------
@pytest.mark.parametrize(("engine", "kt"), CASES)
def test_key_ranges_and_pages_read_every_row_once_in_key_order(engine: str, kt: KeyType, tmp_path: Path,
                                                               request: pytest.FixtureRequest) -> None:
    url = _url(engine, tmp_path, request)
    _load(url, engine, [kt])
    _, src = _source(url, tmp_path)
    ds = next(d for d in src.datasets() if d.name == _table(kt))
    reference = [k for b in ds.part_batches(1000, None) for k in b.keys]
    assert len(reference) == ROWS and len(set(reference)) == ROWS
    assert _planted_keys(kt, engine) <= set(reference)

    parts = ds.partitions(7)
    splittable = not (kt.keyless and engine != "sqlite") and kt.name != "date"  # SQLite's rowid splits
    if splittable:
        assert len(parts) >= 5 and parts[0].lo is None and parts[-1].hi is None
    else:  # one part that says why, in the report's notes
        assert len(parts) == 1 and parts[0].lo is None and parts[0].hi is None and "read as one part" in parts[0].note
    texts_plan = ReadPlan(candidates_only=True, raw_texts=True)
    for plan in (None, texts_plan):
        batches = [b for p in parts for b in ds.part_batches(4, p, plan)]
        assert [k for b in batches for k in b.keys] == reference
        server_joined = any(b.texts is not None for b in batches)
        joins = {"postgresql": splittable and kt.name != "char",  # MariaDB: one integer key
                 "mariadb": ds._key().integer is not None}.get(engine, False)
        assert server_joined == (plan is texts_plan and joins)
    if engine == "postgresql" and (kt.keyless or kt.name in ("char", "date")):  # the fallback says why
        assert any("not in server-joined pages" in n for n in ds.stats.notes)
    src.close()


# -- whole scans: one and two workers, small key ranges, against the plain read ----------------------------
def _violations(report: object) -> list[tuple[str, str, str, str]]:
    return sorted((v.rule, v.dataset, v.field, v.key) for v in report.violations)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("engine", [pytest.param(e, marks=m) for e, m in ENGINES.items()])
def test_scans_find_the_plain_reads_violations_at_the_same_keys(engine: str, workers: int, tmp_path: Path,
                                                               request: pytest.FixtureRequest,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    url = _url(engine, tmp_path, request)
    kts = [kt for kt in KEY_TYPES if engine in kt.ddl]
    _load(url, engine, kts)
    cfg, _ = _source(url, tmp_path)
    with monkeypatch.context() as m:  # the reference: one process, no key ranges, typed rows only
        m.setattr(SqlDataset, "_texts_plan", lambda self: (None, None))
        reference = scan(cfg)
    ex = Engine(cfg, tmp_path / "out" / WORK_DIR, ScanOptions(workers=workers, part_rows=7))
    report = ex.run()
    ex.clean()
    assert [s.error for s in report.sources] == [None]
    assert _violations(report) == _violations(reference)
    found: dict[str, set[str]] = {}
    for rule, dataset, field, key in _violations(report):
        assert (rule, field) == ("full_card_number", "note")
        found.setdefault(dataset, set()).add(key)
    assert found == {_table(kt): _planted_keys(kt, engine) for kt in kts}
    assert [s.rows_scanned for s in report.sources] == [ROWS * len(kts)]
    if engine == "postgresql":  # the date key cannot be carried in a key range: the report says so
        assert any("t_date" in n and "read as one part" in n for n in report.notes)


# -- the regression of issue 19: an int4 key large enough for key ranges and texts-only pages -------------
@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_int4_key_of_two_million_rows_is_swept(pg_database: str, tmp_path: Path, workers: int) -> None:
    """A first key range bounded below by a BIGINT sentinel failed the whole sweep of an int4-keyed table
    ("integer out of range", no card reported). 2,000,000 rows: eight key ranges of the scan's 250,000."""
    eng = sa.create_engine(pg_database, hide_parameters=True)
    with eng.begin() as conn:
        conn.execute(sa.text("CREATE TABLE big (id INTEGER PRIMARY KEY, note TEXT)"))
        conn.execute(sa.text("INSERT INTO big SELECT g, CASE WHEN g IN (5, 1999997) THEN :card "
                             "ELSE 'note ' || g END FROM generate_series(1, 2000000) g"), {"card": f"card {VISA}"})
    eng.dispose()
    cfg, _ = _source(pg_database, tmp_path)
    ex = Engine(cfg, tmp_path / "out" / WORK_DIR, ScanOptions(workers=workers))
    report = ex.run()
    ex.clean()
    assert [(s.error, s.rows_scanned) for s in report.sources] == [(None, 2_000_000)]
    assert _violations(report) == [("full_card_number", "big", "note", "1999997"),
                                   ("full_card_number", "big", "note", "5")]
    assert report.exit_code == 1


# -- the key model itself ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "text"), [
    (decimal.Decimal("1E+2"), "100"), (decimal.Decimal("100"), "100"), (decimal.Decimal("-0.0001"), "-0.0001"),
    (decimal.Decimal("1E-7"), "0.0000001"), (decimal.Decimal("12.50"), "12.50"),  # the scale is kept
    (-(2**63), str(-(2**63))), (2**64 - 1, "18446744073709551615"), (b"\x00\xff", "00ff"),
    (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"), ("a,b|c", "a,b|c"), ("", "")])
def test_key_text_is_plain_notation(value: object, text: str) -> None:
    assert key_text(value) == text


def _key(n: int) -> TableKey:
    cols = tuple(sa.column(f"c{i}", sa.Integer if i == 0 else sa.Text) for i in range(n))
    return TableKey("pk", cols, tuple(f"c{i}" for i in range(n)))


_values = st.one_of(st.integers(min_value=-(2**64), max_value=2**64), st.text(max_size=8),
                    st.decimals(allow_nan=False, allow_infinity=False, places=4), st.uuids())


@given(st.lists(_values, min_size=1, max_size=3))
def test_key_range_bounds_survive_json(values: list) -> None:
    import json
    key = _key(len(values))
    assert key.decode(json.loads(json.dumps(key.encode(values)))) == tuple(values)


@pytest.mark.parametrize("value", [dt.date(2026, 1, 1), 1.5, True, None, b"\x01"])
def test_a_key_value_without_a_json_form_cannot_bound_a_key_range(value: object) -> None:
    with pytest.raises(Unsplittable):
        _key(1).encode([value])


_pairs = st.tuples(st.integers(-3, 3), st.text(alphabet="abc", max_size=2))


@settings(max_examples=60, deadline=None)
@given(st.lists(_pairs, min_size=1, max_size=12, unique=True), _pairs, st.sampled_from([">", ">=", "<", "<="]))
def test_composite_comparison_is_tuple_order(rows: list, bound: tuple, op: str) -> None:
    """The written-out comparison selects exactly the rows that compare so as tuples (key order)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (c0 INTEGER, c1 TEXT)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", rows)
    key = _key(2)
    stmt = sa.select(*key.columns).select_from(sa.table("t", *key.columns)).where(key.compare(op, bound))
    sql = stmt.compile(dialect=sa.dialects.sqlite.dialect(), compile_kwargs={"literal_binds": True})
    got = {tuple(r) for r in conn.execute(str(sql))}
    py = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}[op]
    assert got == {r for r in rows if py(r, bound)}


def test_single_column_comparison_is_the_plain_operator() -> None:
    c = sa.column("k", sa.Integer)
    assert str(compare([c], ">=", [5]).compile(compile_kwargs={"literal_binds": True})) == "k >= 5"


# -- a damaged page: read on from the last good key, whatever its type -----------------------------------
@pytest.mark.parametrize(("ddl", "make"), [
    ("id INTEGER PRIMARY KEY, note TEXT", lambda i: (i - 1500,)),
    ("id TEXT PRIMARY KEY, note TEXT", lambda i: (f"k{i:05d}",)),
    ("a INTEGER, b TEXT, note TEXT, PRIMARY KEY (a, b)", lambda i: (i // 3 - 400, f"b{i:04d}"))],
    ids=["integer", "text", "composite"])
def test_a_damaged_page_is_read_on_from_the_last_good_key(ddl: str, make: Callable[[int], tuple],
                                                         tmp_path: Path) -> None:
    """SQLite fails a whole fetch at a damaged page; the read goes on from the last good row one row at a
    time, so every row before the damage is swept, and the error names the last row read."""
    path = tmp_path / "broken.db"
    keys = [make(i) for i in range(3000)]
    with sqlite3.connect(path) as conn:
        conn.execute(f"CREATE TABLE t ({ddl})")
        conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * (len(keys[0]) + 1))})",
                         [(*k, "x" * 200) for k in keys])
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    data[(pages - pages // 3) * page:] = b"\xa5" * (len(data) - (pages - pages // 3) * page)  # the last leaves
    path.write_bytes(bytes(data))
    _, src = _source(f"sqlite:///{path}", tmp_path)
    ds = next(iter(src.datasets()))
    read: list[str] = []
    with pytest.raises(Exception) as err:  # the SourceError is checked below
        for b in ds.part_batches(500, None):
            read += list(b.keys)
    assert type(err.value).__name__ == "SourceError"
    # not a whole number of batches: the one-row-at-a-time read went on past the failed fetch
    assert len(read) % 500 and 1000 <= len(read) < 3000
    assert read == ["|".join(map(str, k)) for k in sorted(keys)][:len(read)]
    assert f"reading rows failed after the row with key {read[-1]} ({len(read)} rows read)" in str(err.value)
    src.close()
