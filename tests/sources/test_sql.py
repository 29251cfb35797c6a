"""The sql source against SQLite, PostgreSQL and MariaDB: same data, same findings.

Also: read-only connections, keys as contract.md §2 gives them (primary key,
composite key joined with |, rowid, offset), schemas, include/exclude globs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from stdnum import luhn

from pipeline.config import Config, SqlSourceConfig
from pipeline.engine.run import scan
from pipeline.report.model import Report
from pipeline.sources import SourceError
from pipeline.sources.sql import SqlSource

AS_OF = "2026-11-24"


def _card(prefix: str, length: int = 16) -> str:
    body = prefix + "0" * (length - len(prefix) - 1)
    return body + luhn.calc_check_digit(body)


VISA = _card("411111")
MC2 = _card("222300")
AMEX = _card("378282", 15)


def _metadata() -> sa.MetaData:
    md = sa.MetaData()
    sa.Table("customers", md,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
             sa.Column("full_name", sa.String(100)),
             sa.Column("email", sa.String(200)),
             sa.Column("date_of_birth", sa.Date),
             sa.Column("note", sa.Text))
    sa.Table("payments", md,
             sa.Column("account_id", sa.Integer, primary_key=True, autoincrement=False),
             sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
             sa.Column("card_last4", sa.String(4)),
             sa.Column("pan", sa.BigInteger),
             sa.Column("payload", sa.Text))
    sa.Table("visits", md,  # no primary key
             sa.Column("ip", sa.String(64)),
             sa.Column("age", sa.Integer))
    return md


def _rows() -> dict[str, list[dict]]:
    import datetime as dt
    customers = [dict(id=i, full_name=f"Person {i}", email=f"p{i}@example.in",
                      date_of_birth=dt.date(1980 + i % 20, 1 + i % 12, 1 + i % 28), note="called about invoice")
                 for i in range(1, 121)]
    customers[4]["note"] = f"customer read out {VISA[:4]} {VISA[4:8]} {VISA[8:12]} {VISA[12:]} on the phone"
    customers[9]["date_of_birth"] = dt.date(2011, 2, 3)       # 15 on as_of
    customers[10]["date_of_birth"] = dt.date(2010, 11, 24)    # turns 16 on as_of: not a violation
    payments = [dict(account_id=i, seq=s, card_last4=f"{(i * 7 + s) % 10000:04d}", pan=None,
                     payload='{"gateway": "razorpay", "status": "captured"}')
                for i in range(1, 41) for s in (1, 2)]
    payments[3]["pan"] = int(MC2)
    payments[6]["payload"] = '{"gateway": "razorpay", "card": {"number": "%s"}}' % AMEX
    visits = [dict(ip=f"10.0.{i // 250}.{i % 250}", age=20 + i % 40) for i in range(60)]
    visits[5]["age"] = 14
    return {"customers": customers, "payments": payments, "visits": visits}


def _load(url: str) -> None:
    engine = sa.create_engine(url)
    md = _metadata()
    md.create_all(engine)
    with engine.begin() as conn:
        for name, rows in _rows().items():
            conn.execute(md.tables[name].insert(), rows)
        if engine.dialect.name != "sqlite":
            conn.execute(sa.text("CREATE VIEW customer_emails AS SELECT id, email FROM customers"))
        else:
            conn.execute(sa.text("CREATE VIEW customer_emails AS SELECT id, email FROM customers"))
    engine.dispose()


def _scan(url: str, tmp_path: Path) -> Report:
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=url)], base_dir=tmp_path)
    return scan(cfg)


def _findings(report: Report) -> tuple[set, set]:
    fields = {(f.dataset, f.field, tuple(sorted(e.type for e in f.entities))) for f in report.fields}
    violations = {(v.rule, v.dataset, v.field, v.key, v.path, v.evidence) for v in report.violations}
    return fields, violations


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    _load(url)
    return url


EXPECTED_VIOLATIONS = {
    ("full_card_number", "customers", "note", "5", None, f"Luhn-valid VISA number ending {VISA[-4:]}"),
    ("full_card_number", "payments", "pan", "2|2", None, f"Luhn-valid MASTERCARD number ending {MC2[-4:]}"),
    ("full_card_number", "payments", "payload", "4|1", "card.number", f"Luhn-valid AMEX number ending {AMEX[-4:]}"),
    ("under_16", "customers", "date_of_birth", "10", None,
     "date of birth (date) is under 16 years before 2026-11-24"),
    # visits has no primary key: SQLite keys it by rowid (1-based), other stores by 0-based offset
    ("under_16", "visits", "age", "6", None, "age in years is under 16 on 2026-11-24"),
}


def _same_as_sqlite(other: Report, sqlite: Report) -> None:
    o_fields, o_viol = _findings(other)
    s_fields, s_viol = _findings(sqlite)
    assert o_fields == s_fields
    rowid_to_offset = {v if v[1] != "visits" else (*v[:3], str(int(v[3]) - 1), *v[4:]) for v in s_viol}
    assert o_viol == rowid_to_offset


def test_sqlite_findings(sqlite_url: str, tmp_path: Path) -> None:
    report = _scan(sqlite_url, tmp_path)
    fields, violations = _findings(report)
    assert violations == EXPECTED_VIOLATIONS
    assert report.sources[0].status == "ok" and report.sources[0].rows_scanned == 120 + 80 + 60 + 120
    types = {(d, f): t for d, f, t in fields}
    assert "EMAIL_ADDRESS" in types[("customers", "email")]
    assert "CREDIT_CARD" in types[("customers", "note")]  # one hit in 120 rows: asserted by the sweep
    assert "DATE_OF_BIRTH" in types[("customers", "date_of_birth")]
    assert "IP_ADDRESS" in types[("visits", "ip")]
    assert types[("payments", "seq")] == ()


@pytest.mark.postgres
def test_postgresql_same_findings_as_sqlite(sqlite_url: str, pg_database: str, tmp_path: Path) -> None:
    _load(pg_database)
    _same_as_sqlite(_scan(pg_database, tmp_path), _scan(sqlite_url, tmp_path))


@pytest.mark.mariadb
def test_mariadb_same_findings_as_sqlite(sqlite_url: str, mariadb_database: str, tmp_path: Path) -> None:
    _load(mariadb_database)
    _same_as_sqlite(_scan(mariadb_database, tmp_path), _scan(sqlite_url, tmp_path))


def test_keys_rowid_and_offset(sqlite_url: str, tmp_path: Path) -> None:
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=sqlite_url)], base_dir=tmp_path)
    src = SqlSource(cfg.sources[0], cfg)
    by_name = {d.name: d for d in src.datasets()}
    assert set(by_name) == {"customers", "payments", "visits", "customer_emails"}
    assert next(by_name["visits"].batches(10)).keys[:2] == ["1", "2"]          # rowid
    assert next(by_name["customer_emails"].batches(10)).keys[:2] == ["0", "1"]  # a view: 0-based offset
    assert next(by_name["payments"].batches(3)).keys == ["1|1", "1|2", "2|1"]   # composite key


def test_sqlite_is_opened_read_only(sqlite_url: str, tmp_path: Path) -> None:
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=sqlite_url)], base_dir=tmp_path)
    src = SqlSource(cfg.sources[0], cfg)
    with pytest.raises(sa.exc.OperationalError, match="readonly"):
        with src.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM customers"))


@pytest.mark.postgres
def test_postgresql_session_is_read_only(pg_database: str, tmp_path: Path) -> None:
    _load(pg_database)
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=pg_database)], base_dir=tmp_path)
    src = SqlSource(cfg.sources[0], cfg)
    with pytest.raises(sa.exc.InternalError, match="read-only transaction"):
        with src.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM customers"))


@pytest.mark.mariadb
def test_mariadb_session_is_read_only(mariadb_database: str, tmp_path: Path) -> None:
    _load(mariadb_database)
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=mariadb_database)],
                 base_dir=tmp_path)
    src = SqlSource(cfg.sources[0], cfg)
    with pytest.raises(sa.exc.DBAPIError, match="READ ONLY"):
        with src.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM customers"))


@pytest.mark.parametrize("include,exclude,expected", [
    (["*"], [], {"customers", "payments", "visits", "customer_emails"}),
    (["cust*"], [], {"customers", "customer_emails"}),
    (["*"], ["*_emails", "visits"], {"customers", "payments"}),
])
def test_include_exclude(sqlite_url: str, tmp_path: Path, include: list, exclude: list, expected: set) -> None:
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=sqlite_url, include=include,
                                                       exclude=exclude)], base_dir=tmp_path)
    assert {d.name for d in SqlSource(cfg.sources[0], cfg).datasets()} == expected


@pytest.mark.postgres
def test_postgresql_other_schema_is_qualified(pg_database: str, tmp_path: Path) -> None:
    engine = sa.create_engine(pg_database)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE SCHEMA crm"))
        conn.execute(sa.text("CREATE TABLE crm.leads (id int primary key, email text)"))
        conn.execute(sa.text("INSERT INTO crm.leads VALUES (1, 'a@example.com')"))
    engine.dispose()
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=pg_database,
                                                       schemas=["public", "crm"])], base_dir=tmp_path)
    assert {d.name for d in SqlSource(cfg.sources[0], cfg).datasets()} == {"crm.leads"}


def test_sampling_large_table_reads_only_picked_rows(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE ev (id INTEGER PRIMARY KEY, ip TEXT)")
    conn.executemany("INSERT INTO ev VALUES (?, ?)", ((i, f"10.1.{i // 250 % 250}.{i % 250}") for i in range(50_000)))
    conn.commit()
    conn.close()
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}")],
                 base_dir=tmp_path)
    ds = next(SqlSource(cfg.sources[0], cfg).datasets())
    statements: list[str] = []
    sa.event.listen(ds.source.engine, "before_cursor_execute",
                    lambda c, cur, stmt, params, ctx, many: statements.append(stmt))
    sample = ds.sample(100)
    assert 90 <= len(sample["ip"]) <= 100
    ids = sample["id"]
    assert max(ids) > 25_000  # spread over the table, not its first rows
    assert any(" IN (" in s for s in statements)


@pytest.mark.parametrize("url,message", [
    ("sqlite:///does/not/exist.db", "does not exist"),
    ("nosuchdialect://x/y", "no SQLAlchemy dialect"),
    ("not a url", "not a SQLAlchemy URL"),
    ("postgresql+psycopg://nobody@127.0.0.1:1/x", "cannot connect"),
])
def test_unreadable_database_is_a_source_error(tmp_path: Path, url: str, message: str) -> None:
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=url)], base_dir=tmp_path)
    with pytest.raises(SourceError, match=message):
        list(SqlSource(cfg.sources[0], cfg).datasets())


def _locked_db(tmp_path: Path) -> tuple[Path, sqlite3.Connection]:
    db = tmp_path / "busy.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes VALUES (1, ?)", (f"card {_card('4')}",))
    conn.close()
    writer = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN EXCLUSIVE")  # another process writing: readers get SQLITE_BUSY
    return db, writer


def _sqlite_config(tmp_path: Path, db: Path, busy_timeout: float) -> Config:
    return Config(as_of="2026-11-24", base_dir=tmp_path, sources=[
        SqlSourceConfig(name="db", kind="sql", url=f"sqlite:///{db}", busy_timeout=busy_timeout)])


def test_locked_sqlite_file_is_waited_for(tmp_path: Path) -> None:
    import threading

    db, writer = _locked_db(tmp_path)
    threading.Timer(0.5, writer.commit).start()  # the writer finishes within the wait
    report = scan(_sqlite_config(tmp_path, db, busy_timeout=10))
    writer.close()
    assert report.sources[0].status == "ok" and [v.key for v in report.violations] == ["1"]


def test_locked_sqlite_file_wait_is_bounded_and_reported(tmp_path: Path) -> None:
    import time

    db, writer = _locked_db(tmp_path)
    try:
        started = time.monotonic()
        report = scan(_sqlite_config(tmp_path, db, busy_timeout=0.3))
        assert time.monotonic() - started < 10
    finally:
        writer.close()
    error = report.sources[0].error or ""
    assert report.sources[0].status == "error" and "database is locked" in error and "busy_timeout (0.3 s)" in error


def _typed_table(url: str) -> None:
    import datetime as dt
    import decimal
    engine = sa.create_engine(url)
    md = sa.MetaData()
    t = sa.Table("typed", md, sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                 sa.Column("born", sa.Date), sa.Column("seen", sa.DateTime), sa.Column("amount", sa.Numeric(10, 2)),
                 sa.Column("ok", sa.Boolean), sa.Column("doc", sa.JSON), sa.Column("blob", sa.LargeBinary),
                 sa.Column("ratio", sa.Float), sa.Column("big", sa.BigInteger), sa.Column("note", sa.Text))
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(t.insert(), [dict(id=i, born=dt.date(2000 + i % 20, 1 + i % 12, 1 + i % 28),
                                       seen=dt.datetime(2026, 11, 1 + i % 28, 10, i % 60),
                                       amount=decimal.Decimal(i) / 4,
                                       ok=i % 2 == 0, doc={"card": {"number": VISA if i == 7 else "n/a"}},
                                       blob=f"pan {VISA}".encode() if i == 9 else b"\x00\xff", ratio=i / 3,
                                       big=int(MC2) if i == 11 else i, note=None if i % 5 else f"note {i}")
                                  for i in range(1, 40)])
    engine.dispose()


def _batches(url: str, tmp_path: Path, raw: bool, monkeypatch: pytest.MonkeyPatch) -> list:
    import pipeline.sources.sql as sql_mod
    monkeypatch.setattr(sql_mod, "_RAW_DRIVERS", sql_mod._RAW_DRIVERS if raw else set())
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=url)], base_dir=tmp_path)
    src = SqlSource(cfg.sources[0], cfg)
    ds = next(d for d in src.datasets() if d.name == "typed")
    out = [(b.keys, b.columns) for b in ds.batches(7)]
    src.close()
    return out


@pytest.mark.parametrize("store", ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def test_driver_cursor_fetch_gives_sqlalchemys_values(store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      request: pytest.FixtureRequest) -> None:
    """The sweep reads the driver's cursor (pipeline/sources/sql.py _raw_column_batches): same keys, same values of
    the same types as SQLAlchemy's rows (dates parsed from SQLite text, Numeric as Decimal, JSON, bytes)."""
    url = f"sqlite:///{tmp_path / 'typed.db'}" if store == "sqlite" else request.getfixturevalue("pg_database")
    _typed_table(url)
    via_sa = _batches(url, tmp_path, False, monkeypatch)
    via_raw = _batches(url, tmp_path, True, monkeypatch)
    assert [len(k) for k, _ in via_raw] == [7, 7, 7, 7, 7, 4]
    assert via_raw == via_sa
    assert [[type(v) for v in cols.values()] for _, c in via_raw for cols in [{f: c[f][0] for f in c}]] == \
        [[type(v) for v in cols.values()] for _, c in via_sa for cols in [{f: c[f][0] for f in c}]]


@pytest.mark.parametrize("store", ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def test_driver_cursor_fetch_reads_parts_and_reports_driver_errors_as_source_errors(
        store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    from pipeline.sources.base import Part
    url = f"sqlite:///{tmp_path / 'typed.db'}" if store == "sqlite" else request.getfixturevalue("pg_database")
    _typed_table(url)
    cfg = Config(as_of=AS_OF, sources=[SqlSourceConfig(name="db", kind="sql", url=url)], base_dir=tmp_path)
    src = SqlSource(cfg.sources[0], cfg)
    ds = next(d for d in src.datasets() if d.name == "typed")
    keys = [k for b in ds.part_batches(5, Part("id", 10, 20)) for k in b.keys]
    assert keys == [str(i) for i in range(10, 20)]
    # a statement the driver refuses: a SourceError naming the read, not a raw driver error
    monkeypatch.setattr(type(ds), "_select",
                        lambda self, part=None: sa.select(sa.literal_column("nosuchcol")).select_from(self.table))
    with pytest.raises(SourceError, match="reading rows failed before the first row"):
        list(ds.batches(5))
    src.close()


def test_sqlite_values_that_do_not_fit_their_declared_type(tmp_path: Path) -> None:
    """SQLite stores any value in any column: a DATE column holding '03/04/2015' or 'unknown', a NUMERIC
    'n/a', a BOOLEAN 'yes'. One such value used to fail the whole table's read (SQLAlchemy's conversion
    raised), so the card in the next column went unswept; now each is read as stored and every record counts."""
    db = tmp_path / "odd.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, born DATE, seen DATETIME, amount NUMERIC,"
                     " active BOOLEAN, note TEXT)")
        rows = [(i, "2001-02-03", "2026-01-01 10:00:00", 12.5, 1, "ok") for i in range(1, 41)]
        rows[9] = (10, "unknown", "soon", "n/a", "yes", "paid with " + VISA)
        rows[19] = (20, "03/04/2015", "2026-01-01 10:00:00", 3, 0, "")
        conn.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)", rows)
    report = _scan(f"sqlite:///{db}", tmp_path)
    src = report.sources[0]
    assert (src.status, src.error, src.rows_scanned) == ("ok", None, 40)
    found = {(v.rule, v.field, v.key) for v in report.violations}
    assert ("full_card_number", "note", "10") in found
    assert ("under_16", "born", "20") in found  # read as stored, then as a date, like any text date
    assert VISA not in report.model_dump_json()
