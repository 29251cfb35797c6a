"""The run history on SQLite (default) and on the real PostgreSQL and MariaDB servers."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.history import History, HistoryError
from pipeline.report.model import EntityEntry, FieldEntry, Report, RunInfo, SourceEntry, ViolationEntry


def report(run_id: str, n_violations: int, extra_field: bool = False) -> Report:
    fields = [FieldEntry(source="db", dataset="users", field="email",
                         entities=[EntityEntry(type="EMAIL_ADDRESS", confidence=0.9, evidence=["value pattern"])],
                         categories=["account_creation"], declared=True, values_sampled=5)]
    if extra_field:
        fields.append(FieldEntry(source="db", dataset="users", field="dob",
                                 entities=[EntityEntry(type="DATE_OF_BIRTH", confidence=0.9, evidence=["x"])],
                                 categories=[], declared=False, values_sampled=5))
    return Report(run=RunInfo(id=run_id, as_of="2026-11-24", started_at=f"{run_id}-start", finished_at="f",
                              tool_version="0"),
                  sources=[SourceEntry(name="db", kind="sql", status="ok", error=None, datasets=1, fields=1,
                                       rows_scanned=5)],
                  fields=fields,
                  violations=[ViolationEntry(rule="full_card_number", source="db", dataset="users", field="note",
                                             key=str(i), path=None, evidence=f"VISA ending {i:04d}")
                              for i in range(n_violations)])


def _exercise(target: str) -> None:
    h = History(target)
    try:
        assert h.runs() == [] and h.previous("a") is None
        h.record(report("a", 2))
        h.record(report("b", 1, extra_field=True))
        h.record(report("b", 1, extra_field=True))  # a retried task records its run once
        runs = h.runs()
        assert [r.run_id for r in runs] == ["a", "b"]
        assert (runs[1].violations, runs[1].personal_fields, runs[1].undeclared_fields) == (1, 2, 1)
        assert runs[0].by_rule == {"full_card_number": 2} and runs[1].exit_code == 1
        assert [r.run_id for r in h.runs(limit=1)] == ["b"]
        assert h.report("b") == report("b", 1, extra_field=True)
        assert h.previous("b").run.id == "a" and h.previous("c").run.id == "b"
        with pytest.raises(HistoryError, match="no run 'zz'"):
            h.report("zz")
    finally:
        h.close()
    again = History(target)  # reopening finds the schema and the rows
    try:
        assert len(again.runs()) == 2
    finally:
        again.close()


def test_sqlite_file_by_default(tmp_path: Path) -> None:
    _exercise(str(tmp_path / "sub" / "history.sqlite"))


@pytest.mark.postgres
def test_postgresql(pg_database: str) -> None:
    _exercise(pg_database)


@pytest.mark.mariadb
def test_mariadb(mariadb_database: str) -> None:
    _exercise(mariadb_database)


def test_unknown_schema_version_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "h.sqlite"
    History(str(target)).close()
    engine = sa.create_engine(f"sqlite:///{target}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE pdd_history_meta SET schema_version = 99"))
    engine.dispose()
    with pytest.raises(HistoryError, match="schema version 99"):
        History(str(target))


def test_unreachable_server_names_it_without_password() -> None:
    with pytest.raises(HistoryError, match="cannot be opened") as exc:
        History("postgresql+psycopg://pdd:s3cret-pw@127.0.0.1:1/history")
    assert "s3cret-pw" not in str(exc.value)
