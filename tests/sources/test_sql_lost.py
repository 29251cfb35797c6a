"""A PostgreSQL session ended mid-sweep (pg_terminate_backend, as an operator or a failover would): the table
fails with a message naming it, the violations of the pages already read are kept, the other tables and
sources are still reported, and ``pdd scan`` exits 2 (pipeline/sources/sql.py SqlDataset.part_batches)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from stdnum import luhn
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import read_report
from pipeline.sources.sql import SqlDataset

AS_OF = "2026-11-24"
ROWS = 100_000
BATCH = 1_000
CUT_AFTER = 5  # batches handed on before the session is ended


def _card(prefix: str) -> str:
    body = prefix + "0" * (15 - len(prefix))
    return body + luhn.calc_check_digit(body)


VISA = _card("411111")  # a public test number, built here


def _load(url: str, sqlite: Path) -> None:
    eng = sa.create_engine(url, hide_parameters=True)  # a failing statement must not print a card
    card = f"card {VISA} refund"
    with eng.begin() as conn:
        # cards in the first and fourth pages, and in the last row (never reached: the session ends first)
        for table, extra in (("lost_texts", ""), ("lost_rows", ", doc JSONB")):  # texts-only pages; typed rows
            conn.execute(sa.text(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, note TEXT{extra})"))
            conn.execute(sa.text(f"INSERT INTO {table} (id, note) SELECT g, CASE WHEN g IN (10, 3500, {ROWS}) "
                                 "THEN :card ELSE 'note ' || g END FROM generate_series(1, :n) g"),
                         {"card": card, "n": ROWS})
        conn.execute(sa.text("CREATE TABLE small (id INTEGER PRIMARY KEY, note TEXT)"))
        conn.execute(sa.text("INSERT INTO small VALUES (1, 'hello'), (2, :card)"), {"card": card})
    eng.dispose()
    lite = sa.create_engine(f"sqlite:///{sqlite}", hide_parameters=True)
    with lite.begin() as conn:
        conn.execute(sa.text("CREATE TABLE other (id INTEGER PRIMARY KEY, note TEXT)"))
        conn.execute(sa.text("INSERT INTO other VALUES (7, :card)"), {"card": card})
    lite.dispose()


def _end_sessions(url: str, pids: set[int]) -> None:
    """End the server sessions ``pids``, and wait until the server has them gone."""
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    args = {"pids": sorted(pids)}
    with admin.connect() as conn:
        ended = conn.execute(sa.text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                     "WHERE pid = ANY(:pids)"), args).scalar()
        assert ended, "the sweep's session was not found"
        deadline = time.monotonic() + 30
        while conn.execute(sa.text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids)"), args).scalar():
            assert time.monotonic() < deadline, "the ended sessions did not go"
            time.sleep(0.05)
    admin.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("workers", [1, 2])
def test_a_session_ended_mid_sweep_fails_the_table_and_keeps_what_was_read(
        pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    _load(pg_database, tmp_path / "other.db")
    cfg = {"as_of": AS_OF, "sweep": {"batch_size": BATCH}, "sources": [
        {"name": "pg", "kind": "sql", "url": pg_database},
        {"name": "lite", "kind": "sql", "url": "sqlite:///other.db"}]}
    (tmp_path / "pdd.yaml").write_text(yaml.safe_dump(cfg))

    # The sessions this process has checked out of its pools: while a table is swept, its sweep's own.
    checked_out: set[int] = set()

    def on_checkout(dbapi_conn, record, _proxy) -> None:
        record.info["pid"] = dbapi_conn.info.backend_pid if hasattr(dbapi_conn, "info") else None
        checked_out.add(record.info["pid"])

    def on_checkin(_dbapi_conn, record) -> None:
        checked_out.discard(record.info.get("pid"))

    real = SqlDataset.part_batches

    def cut(self, size, part, plan=None):  # the dataset's own signature
        """The read, with the sweep's session ended once CUT_AFTER batches were swept (a forked worker
        inherits this, and has its own record of checked-out sessions)."""
        for n, batch in enumerate(real(self, size, part, plan), 1):
            yield batch
            if n == CUT_AFTER and self.name.startswith("lost_"):
                _end_sessions(pg_database, checked_out - {None})

    monkeypatch.setattr(SqlDataset, "part_batches", cut)
    sa.event.listen(sa.pool.Pool, "checkout", on_checkout)
    sa.event.listen(sa.pool.Pool, "checkin", on_checkin)
    try:
        res = CliRunner().invoke(app, ["scan", str(tmp_path / "pdd.yaml"), "--out", str(tmp_path / "out"),
                                       "--workers", str(workers), "-q"])
    finally:
        sa.event.remove(sa.pool.Pool, "checkout", on_checkout)
        sa.event.remove(sa.pool.Pool, "checkin", on_checkin)
    assert res.exit_code == 2, res.output
    report = read_report(tmp_path / "out" / "report.json")
    found = {(v.source, v.dataset, v.key) for v in report.violations}
    # what the first pages held is kept; the last row was never read; the other table and source are whole
    assert found == {("pg", "lost_texts", "10"), ("pg", "lost_texts", "3500"), ("pg", "lost_rows", "10"),
                     ("pg", "lost_rows", "3500"), ("pg", "small", "2"), ("lite", "other", "7")}
    status = {s.name: (s.status, s.error) for s in report.sources}
    assert status["lite"] == ("ok", None)
    assert status["pg"][0] != "ok" and "internal error" not in status["pg"][1]
    for table in ("lost_texts", "lost_rows"):
        assert f"{table}: the connection to the database was lost after the row with key" in status["pg"][1]
    assert "small" not in status["pg"][1]
    scanned = {s.name: s.rows_scanned for s in report.sources}
    assert scanned["lite"] == 1 and 2 + 2 * CUT_AFTER * BATCH <= scanned["pg"] < 2 + 2 * (CUT_AFTER + 3) * BATCH
