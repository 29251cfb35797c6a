"""Load a SQLite file into a fresh PostgreSQL or MariaDB database with its native types, and drop it again.

One database per source, named ``PREFIX_SOURCE`` (``pdd_eng_<random>_`` by default), so that parallel runs
and other users of the shared servers never clash; :func:`drop` removes it. Rows go in with the server's
bulk path: ``COPY`` on PostgreSQL (psycopg), multi-row ``INSERT`` on MariaDB (PyMySQL's executemany).
Declared foreign keys are added after the rows, then the tables are analysed (as a live database is).
"""

from __future__ import annotations

import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from benchmarks.engines.ddl import MARIADB, PG, add_foreign_key, create_table, quote
from benchmarks.engines.schema import Schema, Table, read_schema, rows_of

#: Admin URLs of this machine's servers (the test suite's, tests/conftest.py).
ADMIN = {
    PG: os.environ.get("PDD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
    MARIADB: os.environ.get("PDD_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306/test"),
}
ENGINES = (PG, MARIADB)
_BATCH = 2_000


def new_prefix() -> str:
    return f"pdd_eng_{secrets.token_hex(3)}_"


@dataclass
class Loaded:
    dialect: str
    source: str
    database: str
    url: str
    schema: Schema | None = None


def _admin(dialect: str) -> sa.Engine:
    return sa.create_engine(ADMIN[dialect], isolation_level="AUTOCOMMIT")


def _admin_execute(dialect: str, statement: str) -> None:
    engine = _admin(dialect)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(statement))
    finally:
        engine.dispose()


def create_database(dialect: str, name: str) -> str:
    """An empty database ``name``; its URL."""
    extra = "" if dialect == PG else " CHARACTER SET utf8mb4"
    _admin_execute(dialect, f"CREATE DATABASE {quote(dialect, name)}{extra}")
    return sa.make_url(ADMIN[dialect]).set(database=name).render_as_string(hide_password=False)


def drop(dialect: str, database: str) -> None:
    force = " WITH (FORCE)" if dialect == PG else ""
    _admin_execute(dialect, f"DROP DATABASE IF EXISTS {quote(dialect, database)}{force}")


def drop_prefixed(dialect: str, prefix: str) -> list[str]:
    """Drop every database whose name starts with ``prefix`` (a run's own prefix); the names dropped."""
    if not prefix.startswith("pdd_eng_"):
        raise ValueError("only databases this module made (pdd_eng_...) are dropped")
    engine = _admin(dialect)
    try:
        with engine.connect() as conn:
            names = (conn.execute(sa.text("SELECT datname FROM pg_database")) if dialect == PG
                     else conn.execute(sa.text("SHOW DATABASES"))).scalars().all()
    finally:
        engine.dispose()
    gone = [n for n in names if n.startswith(prefix)]
    for n in gone:
        drop(dialect, n)
    return gone


def load_sqlite(db: Path, source: str, dialect: str, prefix: str) -> Loaded:
    """``db`` (a SQLite file) as a new database ``prefix + source`` on ``dialect``'s server."""
    schema = read_schema(db, source)
    name = f"{prefix}{source}"
    url = create_database(dialect, name)
    try:
        load_schema(schema, db, dialect, url)
    except BaseException:
        drop(dialect, name)
        raise
    return Loaded(dialect, source, name, url, schema)


def load_schema(schema: Schema, db: Path, dialect: str, url: str) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            for table in schema.tables:
                for stmt in create_table(dialect, table):
                    conn.exec_driver_sql(stmt)
        for table in schema.tables:
            _copy_rows(engine, dialect, table, db)
        with engine.begin() as conn:
            for fk in schema.foreign_keys:
                conn.exec_driver_sql(add_foreign_key(dialect, fk))
            for view, select in schema.views.items():
                conn.exec_driver_sql(f"CREATE VIEW {quote(dialect, view)} AS {select}")
            for table in schema.tables:
                conn.exec_driver_sql(f"ANALYZE {'' if dialect == PG else 'TABLE '}{quote(dialect, table.name)}")
    finally:
        engine.dispose()


def _copy_rows(engine: sa.Engine, dialect: str, table: Table, db: Path) -> None:
    cols = [quote(dialect, c.name) for c in table.columns]
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if dialect == PG:
            with cur.copy(f"COPY {quote(PG, table.name)} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows_of(db, table):
                    copy.write_row(row)
            for c in table.columns:
                if c.kind.value == "id":  # the sequence of a serial key continues after the loaded rows
                    cur.execute(f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                                f"coalesce(max({quote(PG, c.name)}), 0) + 1, false) FROM {quote(PG, table.name)}",
                                (quote(PG, table.name), c.name))
        else:
            sql = (f"INSERT INTO {quote(MARIADB, table.name)} ({', '.join(cols)}) "
                   f"VALUES ({', '.join(['%s'] * len(cols))})")
            batch: list[tuple] = []
            for row in rows_of(db, table):
                batch.append(tuple(str(v) if isinstance(v, uuid.UUID) else v for v in row))
                if len(batch) >= _BATCH:
                    cur.executemany(sql, batch)
                    batch = []
            if batch:
                cur.executemany(sql, batch)
        raw.commit()
    finally:
        raw.close()
