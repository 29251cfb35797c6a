"""The run history: one row per scan, in SQLite by default or any SQLAlchemy database for a team.

This module is the history's only owner (its schema is versioned in
``pdd_history_meta``). A row holds the run's counts, for trends, and its
report.json, which is masked by construction (contract.md §3): the history
holds no value that the report does not, so no raw value.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import mysql

from pipeline.report.model import Report

SCHEMA_VERSION = 1

meta = sa.MetaData()
runs = sa.Table(
    "pdd_runs", meta,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(64), nullable=False, unique=True),
    sa.Column("as_of", sa.String(10), nullable=False),
    sa.Column("started_at", sa.String(40), nullable=False),
    sa.Column("finished_at", sa.String(40), nullable=False),
    sa.Column("exit_code", sa.Integer, nullable=False),
    sa.Column("fields", sa.Integer, nullable=False),
    sa.Column("personal_fields", sa.Integer, nullable=False),
    sa.Column("undeclared_fields", sa.Integer, nullable=False),
    sa.Column("violations", sa.Integer, nullable=False),
    sa.Column("by_rule", sa.Text, nullable=False),  # JSON {rule: count}
    sa.Column("report", sa.Text().with_variant(mysql.LONGTEXT(), "mysql", "mariadb"), nullable=False),
)
schema = sa.Table(
    "pdd_history_meta", meta,
    sa.Column("schema_version", sa.Integer, nullable=False),
)


class HistoryError(Exception):
    """The history cannot be opened or holds no such run; the message names the database (never its password)."""


@dataclass(frozen=True)
class RunRow:
    seq: int
    run_id: str
    as_of: str
    started_at: str
    exit_code: int
    fields: int
    personal_fields: int
    undeclared_fields: int
    violations: int
    by_rule: dict[str, int]


def history_url(target: str | Path) -> str:
    """A SQLAlchemy URL from a URL or a file path (a path is a SQLite database)."""
    text = str(target)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


class History:
    def __init__(self, target: str | Path):
        url = history_url(target)
        try:
            self.engine = sa.create_engine(url, future=True)
            self.where = self.engine.url.render_as_string(hide_password=True)
            if self.engine.url.get_backend_name() == "sqlite" and self.engine.url.database:
                Path(self.engine.url.database).parent.mkdir(parents=True, exist_ok=True)
            with self.engine.begin() as conn:
                meta.create_all(conn)
                version = conn.execute(sa.select(schema.c.schema_version)).scalar()
                if version is None:
                    conn.execute(schema.insert().values(schema_version=SCHEMA_VERSION))
                elif version != SCHEMA_VERSION:
                    raise HistoryError(f"history {self.where}: schema version {version}, this pdd reads "
                                       f"{SCHEMA_VERSION}")
        except (sa.exc.SQLAlchemyError, ImportError) as exc:
            where = getattr(self, "where", None) or sa.engine.make_url(url).render_as_string(hide_password=True)
            raise HistoryError(f"history {where}: cannot be opened ({exc.__class__.__name__}: "
                               f"{str(exc).splitlines()[0]})") from None

    def close(self) -> None:
        self.engine.dispose()

    def record(self, report: Report) -> None:
        """Add a run (recording the same run id again replaces it, so a retried task leaves one row)."""
        personal = [f for f in report.fields if f.entities]
        by_rule = Counter(v.rule for v in report.violations)
        row = dict(run_id=report.run.id, as_of=report.run.as_of, started_at=report.run.started_at,
                   finished_at=report.run.finished_at, exit_code=report.exit_code, fields=len(report.fields),
                   personal_fields=len(personal), undeclared_fields=sum(not f.declared for f in personal),
                   violations=len(report.violations), by_rule=json.dumps(dict(sorted(by_rule.items()))),
                   report=report.model_dump_json())
        with self.engine.begin() as conn:
            conn.execute(runs.delete().where(runs.c.run_id == report.run.id))
            conn.execute(runs.insert().values(**row))

    def runs(self, limit: int | None = None) -> list[RunRow]:
        """Recorded runs, oldest first (the last ``limit`` when given)."""
        q = sa.select(runs.c.seq, runs.c.run_id, runs.c.as_of, runs.c.started_at, runs.c.exit_code, runs.c.fields,
                      runs.c.personal_fields, runs.c.undeclared_fields, runs.c.violations, runs.c.by_rule
                      ).order_by(runs.c.seq.desc())
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [RunRow(*r[:9], by_rule=json.loads(r[9])) for r in reversed(rows)]  # type: ignore[misc]  # r[:9]: the nine before by_rule

    def report(self, run_id: str) -> Report:
        with self.engine.connect() as conn:
            text = conn.execute(sa.select(runs.c.report).where(runs.c.run_id == run_id)).scalar()
        if text is None:
            raise HistoryError(f"history {self.where}: no run {run_id!r}")
        return Report.model_validate_json(text)

    def previous(self, run_id: str) -> Report | None:
        """The run recorded before ``run_id`` (or the latest, if ``run_id`` is not recorded yet)."""
        with self.engine.connect() as conn:
            seq = conn.execute(sa.select(runs.c.seq).where(runs.c.run_id == run_id)).scalar()
            q = sa.select(runs.c.report).order_by(runs.c.seq.desc()).limit(1)
            if seq is not None:
                q = q.where(runs.c.seq < seq)
            text = conn.execute(q).scalar()
        return Report.model_validate_json(text) if text else None
